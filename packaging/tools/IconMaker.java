import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the application icon and writes it as PNG (Linux, the window), ICO (Windows) and ICNS (macOS),
 * so the three installers share one picture. Run from the repository root:
 * {@code java packaging/tools/IconMaker.java packaging/icons}
 */
public class IconMaker {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.createDirectories(dir);
        byte[] png256 = png(draw(256));
        Files.write(dir.resolve("rondo.png"), png256);
        Files.write(dir.resolve("rondo.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(dir.resolve("rondo.icns"), icns());
    }

    /** A rounded blue tile with three piano keys and a white note. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double s = size / 256.0;
        g.setPaint(new GradientPaint(0, 0, new Color(0x4C7FE6), 0, size, new Color(0x22335C)));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        // keyboard along the bottom
        g.setColor(new Color(0xF4F6FB));
        for (int i = 0; i < 5; i++) g.fill(new RoundRectangle2D.Double((34 + i * 38) * s, 170 * s, 34 * s, 58 * s, 8 * s, 8 * s));
        g.setColor(new Color(0x1B2233));
        for (int i : new int[] {0, 1, 3}) g.fill(new RoundRectangle2D.Double((58 + i * 38) * s, 170 * s, 20 * s, 34 * s, 5 * s, 5 * s));
        // an eighth note above the keys
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(78 * s, 112 * s, 50 * s, 38 * s));
        g.fill(new Ellipse2D.Double(150 * s, 96 * s, 50 * s, 38 * s));
        g.setStroke(new BasicStroke((float) (11 * s)));
        g.drawLine((int) (123 * s), (int) (128 * s), (int) (123 * s), (int) (44 * s));
        g.drawLine((int) (195 * s), (int) (112 * s), (int) (195 * s), (int) (30 * s));
        g.setStroke(new BasicStroke((float) (20 * s)));
        g.drawLine((int) (123 * s), (int) (50 * s), (int) (195 * s), (int) (36 * s));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (supported since Windows Vista). */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] pngs = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) pngs[i] = png(draw(sizes[i]));
        int offset = 6 + 16 * sizes.length;
        ByteBuffer head = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int sz = sizes[i] >= 256 ? 0 : sizes[i];
            head.put((byte) sz).put((byte) sz).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(pngs[i].length).putInt(offset);
            offset += pngs[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (byte[] p : pngs) out.write(p);
        return out.toByteArray();
    }

    /** ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] p = png(draw(sizes[i]));
            d.writeBytes(types[i]);
            d.writeInt(p.length + 8);
            d.write(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(body.size() + 8);
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
