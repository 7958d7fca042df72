package studio.rondo.cli;

/** Input the user gave cannot be used; the message says which and why (exit code 3). */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
