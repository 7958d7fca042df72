package studio.rondo.sound;

import java.util.Set;
import java.util.TreeSet;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;

/**
 * Puts a SoundFont's instruments into an open synthesizer, the same way for playback and export.
 * Only the programs a piece uses are loaded: Gervill reads every sample of what it loads into
 * memory, and all of FluidR3 takes ~5 s and ~250 MB where its piano alone takes ~0.4 s and ~30 MB.
 */
final class Instruments {
    private Instruments() {
    }

    /** Programs a sequence selects, plus 0, which every channel has until told otherwise (drums included). */
    static Set<Integer> programsOf(Sequence sequence) {
        Set<Integer> programs = new TreeSet<>(Set.of(0));
        if (sequence == null) return programs;
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiMessage m = track.get(i).getMessage();
                if (m instanceof ShortMessage sm && sm.getCommand() == ShortMessage.PROGRAM_CHANGE) programs.add(sm.getData1());
            }
        }
        return programs;
    }

    /**
     * Loads the instruments of {@code bank} for these programs, in every bank and drum kit of that
     * number (a few extra, instead of following bank selects through the piece).
     *
     * @return false if the synthesizer refused one of them
     */
    static boolean add(Synthesizer synth, Soundbank bank, Set<Integer> programs) {
        boolean all = true;
        for (Instrument instrument : bank.getInstruments()) {
            if (programs.contains(instrument.getPatch().getProgram())) all &= synth.loadInstrument(instrument);
        }
        return all;
    }

    /**
     * Replaces the sounds from {@code current} (null: the built-in ones) by those of {@code next}
     * (null: the built-in ones). Instruments a SoundFont lacks keep their built-in sound.
     *
     * @return false if the synthesizer refused the new SoundFont
     */
    static boolean swap(Synthesizer synth, Soundbank current, Soundbank next, Set<Integer> programs) {
        if (current != null) {
            synth.unloadAllInstruments(current);
            // Unloading leaves those patches empty, so the built-in sounds go back first.
            Soundbank builtIn = synth.getDefaultSoundbank();
            if (builtIn != null) synth.loadAllInstruments(builtIn);
        }
        return next == null || add(synth, next, programs);
    }
}
