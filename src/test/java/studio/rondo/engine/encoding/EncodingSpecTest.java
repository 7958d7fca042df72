package studio.rondo.engine.encoding;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.model.Preset;
import studio.rondo.music.Piece;

class EncodingSpecTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyPresetsEncodingSurvivesAJsonRoundTripOfItsSpec() throws Exception {
        Piece piece = Fixtures.mixed();
        for (Preset preset : Presets.all()) {
            Encoding enc = preset.newEncoding().fit(List.of(piece));
            String text = json.writeValueAsString(enc.spec());
            Encoding back = Encodings.fromSpec(json.readValue(text, EncodingSpec.class));
            assertEquals(enc.name(), back.name(), preset.id());
            assertEquals(enc.streams(), back.streams(), preset.id());
            assertEquals(enc.encode(piece).steps(), back.encode(piece).steps(), preset.id());
            assertTrue(Encodings.mismatch(enc.spec(), back.spec()).isEmpty(), preset.id());
        }
    }

    @Test
    void presetEncodingNamesMatchThePresetIds() {
        for (Preset preset : Presets.all()) assertEquals(preset.id(), preset.newEncoding().name());
    }

    @Test
    void aDifferentVocabularyIsReportedByStreamName() {
        EncodingSpec a = ChordTokens.unfitted().fit(List.of(Fixtures.mixed())).spec();
        EncodingSpec b = ChordTokens.unfitted().fit(List.of(PieceTransforms.transpose(Fixtures.mixed(), 1).orElseThrow())).spec();
        String why = Encodings.mismatch(a, b).orElseThrow();
        assertTrue(why.contains("vocabulary 'token'"), why);
        String other = Encodings.mismatch(a, new Performance().spec()).orElseThrow();
        assertTrue(other.contains("chord-tokens") && other.contains("performance"), other);
    }
}
