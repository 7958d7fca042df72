package studio.rondo.engine.model;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/** Streams of an encoding whose vocabularies come from a corpus, at sizes chosen for showing a preset before one is loaded. */
public final class NominalStreams {
    private NominalStreams() {
    }

    /** The encoding fitted to a one-bar scale, each stream resized to {@code size.applyAsInt(stream, fittedSize)}. */
    public static List<StreamSpec> of(Encoding unfitted, SizeRule size) {
        List<StreamSpec> fitted = unfitted.fit(List.of(scale())).streams();
        List<StreamSpec> out = new ArrayList<>();
        for (int s = 0; s < fitted.size(); s++) {
            StreamSpec f = fitted.get(s);
            out.add(StreamSpec.categorical(f.name(), size.size(s, f.size()), f.inputForm()));
        }
        return out;
    }

    /** The size of stream {@code stream} given the size a tiny corpus fitted. */
    @FunctionalInterface
    public interface SizeRule {
        int size(int stream, int fittedSize);
    }

    private static Piece scale() {
        TempoMap map = TempoMap.constant(480, 120);
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) notes.add(new Note(60 + i, 80, 0, 0, i * 480L, i * 480L + 400, map.secondsAt(i * 480L), map.secondsAt(i * 480L + 400)));
        return new Piece("sample", notes, map, PieceMetadata.empty());
    }
}
