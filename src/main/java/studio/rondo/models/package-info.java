/**
 * The default models that ship with the studio (assets/models in the source tree, {@code models/}
 * beside rondo.jar in an installed studio): where they are, their names, titles and licenses.
 * No JavaFX here: the command line and the window both use it.
 */
package studio.rondo.models;
