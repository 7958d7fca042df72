package studio.rondo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final String CACHE = "org.bytedeco.javacpp.cachedir";
    private String savedCache;
    private String savedHome;

    @BeforeEach
    void save() {
        savedCache = System.getProperty(CACHE);
        savedHome = System.getProperty("rondo.home");
    }

    @AfterEach
    void restore() {
        restore(CACHE, savedCache);
        restore("rondo.home", savedHome);
    }

    @Test
    void nativeCacheGoesToTheDataFolder(@TempDir Path home) {
        System.clearProperty(CACHE);
        System.setProperty("rondo.home", home.toString());
        Main.useOwnNativeCache();
        assertEquals(home.resolve("cache").resolve("javacpp").toString(), System.getProperty(CACHE));
    }

    @Test
    void aCacheFolderTheUserSetWins(@TempDir Path home) {
        System.setProperty(CACHE, "/somewhere/else");
        System.setProperty("rondo.home", home.toString());
        Main.useOwnNativeCache();
        assertEquals("/somewhere/else", System.getProperty(CACHE));
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
