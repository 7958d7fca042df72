package studio.rondo.cli;

import picocli.CommandLine.IVersionProvider;
import studio.rondo.app.AppInfo;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {AppInfo.NAME + " " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                "LSTM: " + studio.rondo.engine.EngineContext.shared().lstmPath()};
    }
}
