package studio.rondo.testing;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A Java agent that counts the assertions the tests execute. JUnit's {@code Assertions} keeps no
 * count, so the agent adds one call to {@link #count()} at the start of each of its public static
 * methods as the class loads. Surefire starts the JVM with it (pom.xml: {@code -javaagent:}); the
 * {@link AssertionCheck} extension reads the count around each test class.
 */
public final class AssertionCounter {
    static final String ASSERTIONS = "org/junit/jupiter/api/Assertions";
    private static final AtomicLong COUNT = new AtomicLong();
    private static volatile boolean installed;

    private AssertionCounter() {
    }

    /** Called by every assertion method once the agent has rewritten them. */
    public static void count() {
        COUNT.incrementAndGet();
    }

    /** Assertions executed so far in this JVM. */
    static long executed() {
        return COUNT.get();
    }

    /** Whether the agent is counting: without it (an IDE, PIT's test runs) there is nothing to check. */
    static boolean installed() {
        return installed;
    }

    public static void premain(String args, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
                return ASSERTIONS.equals(name) ? countingCalls(bytes) : null;
            }
        });
        installed = true;
    }

    /** The class with a call to {@link #count()} first thing in each public static method. */
    static byte[] countingCalls(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0); // one static call with no arguments: stack and frames unchanged
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean assertion = (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0 && !name.startsWith("<");
                if (!assertion) return mv;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "studio/rondo/testing/AssertionCounter", "count", "()V", false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
