package studio.rondo.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds Standard MIDI File bytes by hand, so tests can make exactly the awkward file they need. */
final class Smf {
    private Smf() {
    }

    /** A file with an MThd header and the given MTrk bodies (see {@link Track#bytes()}). */
    static byte[] file(int format, int division, byte[]... trackBodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6});
        u16(out, format);
        u16(out, trackBodies.length);
        u16(out, division);
        for (byte[] body : trackBodies) out.writeBytes(chunk("MTrk", body));
        return out.toByteArray();
    }

    static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        u32(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    static void u32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >> 24));
        out.write((int) (v >> 16));
        out.write((int) (v >> 8));
        out.write((int) v);
    }

    static Track track() {
        return new Track();
    }

    /** The events of one track, each after a delta time in ticks. */
    static final class Track {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** Any bytes after a delta time (for running status, sysex, broken events). */
        Track raw(int delta, int... bytes) {
            vlq(delta);
            for (int b : bytes) out.write(b);
            return this;
        }

        Track on(int delta, int channel, int key, int velocity) {
            return raw(delta, 0x90 | channel, key, velocity);
        }

        Track off(int delta, int channel, int key) {
            return raw(delta, 0x80 | channel, key, 64);
        }

        Track cc(int delta, int channel, int controller, int value) {
            return raw(delta, 0xB0 | channel, controller, value);
        }

        Track program(int delta, int channel, int program) {
            return raw(delta, 0xC0 | channel, program);
        }

        Track tempo(int delta, int microsPerQuarter) {
            return meta(delta, 0x51, microsPerQuarter >> 16, microsPerQuarter >> 8, microsPerQuarter);
        }

        Track meta(int delta, int type, int... data) {
            vlq(delta);
            out.write(0xFF);
            out.write(type);
            vlq(data.length);
            for (int b : data) out.write(b);
            return this;
        }

        Track text(int delta, int type, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            int[] data = new int[b.length];
            for (int i = 0; i < b.length; i++) data[i] = b[i] & 0xFF;
            return meta(delta, type, data);
        }

        Track name(String name) {
            return text(0, 0x03, name);
        }

        Track end(int delta) {
            return meta(delta, 0x2F);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void vlq(long v) {
            int shift = 28;
            while (shift > 0 && (v >> shift) == 0) shift -= 7;
            for (; shift > 0; shift -= 7) out.write((int) (((v >> shift) & 0x7F) | 0x80));
            out.write((int) (v & 0x7F));
        }
    }
}
