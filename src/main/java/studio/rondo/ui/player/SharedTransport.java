package studio.rondo.ui.player;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import studio.rondo.music.Piece;

/**
 * One player serves every workspace: the workspace on screen decides what it plays. A view's piece
 * goes to the player when it changes while the view is shown, and again when the view comes back.
 */
public final class SharedTransport {
    private SharedTransport() {
    }

    public static void follow(Node view, ObservableValue<Piece> piece, TransportViewModel transport) {
        piece.addListener((obs, old, now) -> {
            if (view.getScene() != null) transport.load(now);
        });
        view.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) transport.load(piece.getValue());
        });
    }
}
