package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid files: every mutant either reads or fails with MidiFormatException,
 * quickly. Any other exception (index out of bounds, negative array size, OutOfMemoryError from
 * a lying length, a Note constructor refusing values) fails the test with the seed to replay it.
 */
class MidiFuzzTest {
    private static final int MUTANTS_PER_FILE = 1500;
    private static final long SLOW_MUTANT_NANOS = 500_000_000L;

    @Test
    void mutatedFixturesReadOrFailCleanly() {
        List<byte[]> seeds = List.of(
                Smf.file(1, 480,
                        Smf.track().name("tempo").tempo(0, 500_000).meta(0, 0x58, 3, 2, 24, 8).tempo(100, 400_000).end(0).bytes(),
                        Smf.track().name("right").program(0, 0, 1).on(0, 0, 60, 80).raw(10, 64, 70).raw(10, 60, 0)
                                .cc(0, 0, 64, 127).on(5, 0, 60, 50).raw(0, 0xF0, 2, 1, 0xF7).off(50, 0, 60).cc(0, 0, 64, 0)
                                .raw(20, 0x80, 64, 0).end(0).bytes()),
                Smf.file(0, 96, Smf.track().on(0, 9, 36, 100).on(0, 0, 72, 100).off(96, 9, 36).end(10).bytes()));
        fuzz(seeds, 1);
    }

    @Test
    void mutatedRealFilesReadOrFailCleanly() throws Exception {
        Path dir = SharedData.midiDir();
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("piano-midi-de/mozart/mz_311_2.mid", "edge/pmd_singletrack_pedal_mz_311_2.mid",
                "edge/tonejs_bach_format0.mid", "edge/tonejs_beat_drums_ch10.mid")) {
            seeds.add(Files.readAllBytes(dir.resolve(f)));
        }
        fuzz(seeds, 1000);
    }

    private static void fuzz(List<byte[]> seeds, long seedBase) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int read = 0, refused = 0;
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                    long seed = seedBase + s * 100_000L + m;
                    byte[] mutant = mutate(seeds.get(s), new Random(seed));
                    long t0 = System.nanoTime();
                    try {
                        MidiReader.read(mutant, "mutant-" + seed, "mutant", new ReadOptions(m % 2 == 0, m % 3 == 0, 1 << 20));
                        read++;
                    } catch (MidiFormatException e) {
                        assertTrue(e.getMessage().startsWith("mutant-" + seed + ": "), e.getMessage());
                        refused++;
                    } catch (Throwable t) {
                        fail("mutant seed " + seed + " of file " + s + " threw " + t, t);
                    }
                    long took = System.nanoTime() - t0;
                    assertTrue(took < SLOW_MUTANT_NANOS, "mutant seed " + seed + " took " + took / 1e6 + " ms");
                }
            }
            // Both outcomes must occur, or the mutations are too timid (or too brutal) to mean anything.
            assertTrue(read > 0 && refused > 0, "read " + read + ", refused " + refused);
        });
    }

    /** One to a few random edits: bit flips, byte changes, truncation, chunk length edits, cuts and repeats. */
    static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    int i = rnd.nextInt(b.length);
                    b[i] ^= (byte) (1 << rnd.nextInt(8));
                }
                case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                case 2 -> b[rnd.nextInt(b.length)] = (byte) new int[] {0x00, 0x7F, 0x80, 0xFF, 0xF0, 0xF7, 0x90}[rnd.nextInt(7)];
                case 3 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
                case 4 -> {
                    // Rewrite the length of a chunk (header or track) to something plausible or absurd.
                    List<Integer> lengths = chunkLengthOffsets(b);
                    if (lengths.isEmpty()) break;
                    int at = lengths.get(rnd.nextInt(lengths.size()));
                    long len = ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
                    long newLen = switch (rnd.nextInt(4)) {
                        case 0 -> len + 1 + rnd.nextInt(16);
                        case 1 -> Math.max(0, len - 1 - rnd.nextInt(16));
                        case 2 -> 0xFFFFFFFFL;
                        default -> rnd.nextInt(Integer.MAX_VALUE);
                    };
                    b[at] = (byte) (newLen >> 24);
                    b[at + 1] = (byte) (newLen >> 16);
                    b[at + 2] = (byte) (newLen >> 8);
                    b[at + 3] = (byte) newLen;
                }
                case 5 -> {
                    // Cut a slice out of the middle.
                    int from = rnd.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + rnd.nextInt(8));
                    byte[] c = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, c, 0, from);
                    System.arraycopy(b, to, c, from, b.length - to);
                    b = c;
                }
                default -> {
                    // Set a run of bytes to 0xFF / 0x80: long VLQs and status bytes in data.
                    int from = rnd.nextInt(b.length);
                    byte v = (byte) (rnd.nextBoolean() ? 0xFF : 0x80);
                    for (int i = from; i < Math.min(b.length, from + 1 + rnd.nextInt(6)); i++) b[i] = v;
                }
            }
        }
        return b;
    }

    private static List<Integer> chunkLengthOffsets(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 8 <= b.length; i++) {
            if ((b[i] == 'M' && b[i + 1] == 'T' && b[i + 2] == 'h' && b[i + 3] == 'd')
                    || (b[i] == 'M' && b[i + 1] == 'T' && b[i + 2] == 'r' && b[i + 3] == 'k')) {
                out.add(i + 4);
            }
        }
        return out;
    }
}
