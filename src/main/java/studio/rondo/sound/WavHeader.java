package studio.rondo.sound;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;

/**
 * The 44-byte RIFF/WAVE header of linear PCM. Written by hand because AudioSystem.write needs a
 * stream of known length, and the renderer streams audio straight to disk as it is produced.
 */
final class WavHeader {
    private WavHeader() {
    }

    static void write(OutputStream out, AudioFormat format, long frames) throws IOException {
        int channels = format.getChannels();
        int bytesPerSample = format.getSampleSizeInBits() / 8;
        long dataBytes = frames * channels * bytesPerSample;
        if (dataBytes > 0xFFFF_FFFFL - 36) throw new IOException("Too long for a WAV file: " + frames + " frames");
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt((int) (36 + dataBytes));
        b.put("WAVE".getBytes(US_ASCII));
        b.put("fmt ".getBytes(US_ASCII)).putInt(16);
        b.putShort((short) 1); // PCM
        b.putShort((short) channels);
        b.putInt((int) format.getSampleRate());
        b.putInt((int) format.getSampleRate() * channels * bytesPerSample); // byte rate
        b.putShort((short) (channels * bytesPerSample));                    // block align
        b.putShort((short) format.getSampleSizeInBits());
        b.put("data".getBytes(US_ASCII)).putInt((int) dataBytes);
        out.write(b.array());
    }
}
