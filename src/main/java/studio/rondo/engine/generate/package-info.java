/**
 * Generation: {@link studio.rondo.engine.generate.Generator} continues a
 * {@link studio.rondo.engine.generate.Primer} with a trained network, step by step through a
 * {@link studio.rondo.engine.generate.StepModel} (the batch-1 kernels of
 * {@link studio.rondo.engine.generate.KernelStepModel}, which compiles the network with package
 * {@code generate.graph}; DL4J's stateful {@code rnnTimeStep} for a network it cannot compile),
 * sampling with {@link studio.rondo.engine.generate.Sampling} inside a pitch range (the model's
 * training range by default), then shaping the notes as music: corpus-sized steps and notes,
 * {@link studio.rondo.engine.generate.Dynamics}, the primer's tempo map and meter,
 * {@link studio.rondo.engine.generate.Quantize}; each result is measured by
 * {@link studio.rondo.engine.generate.GenerationStats} (key, notes per bar, range, warning signs).
 *
 * <p>Typical use (off the UI thread):
 * <pre>
 *   LoadedModel m = ModelStore.load(file);
 *   Generator g = Generator.of(m);
 *   var req = new GenerationRequest(Primer.firstNotes(midiFile, 50), Length.notes(200),
 *           new Sampling(1.0, 0, 0.95, 42), 4, false)
 *           .withPitchRange(PitchRange.parse("C2-C7")).withDynamics(Dynamics.parse("mf"))
 *           .withQuantize(Quantize.parse("1/16").withStrength(0.8));
 *   List&lt;GenerationResult&gt; results = g.generate(req, progress -&gt; ..., cancelFlag::get);
 *   MidiWriter.write(results.get(0).piece(), out);
 * </pre>
 * Pure engine code: no JavaFX.
 */
package studio.rondo.engine.generate;
