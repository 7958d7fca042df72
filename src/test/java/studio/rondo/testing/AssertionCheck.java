package studio.rondo.testing;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that passed without executing a single assertion: it would pass whatever the code
 * did (so no test class can be without one either). A test that failed, or that an assumption
 * skipped, is left as it is. Registered for every test class (META-INF/services and
 * junit-platform.properties); it checks only where {@link AssertionCounter} is installed as an
 * agent (surefire), and assumes tests run one at a time in a JVM (the project runs none in parallel).
 */
public final class AssertionCheck implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AssertionCheck.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NS).put("before", AssertionCounter.executed());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (!AssertionCounter.installed() || context.getExecutionException().isPresent()) return;
        long before = context.getStore(NS).get("before", Long.class);
        if (AssertionCounter.executed() == before)
            throw new AssertionError(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + " passed without executing an assertion: it would pass whatever the code did");
    }
}
