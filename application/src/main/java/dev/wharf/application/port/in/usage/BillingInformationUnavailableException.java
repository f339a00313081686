package dev.wharf.application.port.in.usage;

/** The billing source or the row sums failed; the statistics are refused as a whole rather than given in part. */
public final class BillingInformationUnavailableException extends RuntimeException {
    public static final String MESSAGE = "An error occurred retrieving billing information";

    public BillingInformationUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
