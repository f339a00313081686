package dev.wharf.adapters.in.rest.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A body that is not the JSON a request expects: 400 naming the field, never Jackson's internals. */
@Provider
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    /** Jackson's words for a field given twice, {@code Duplicate field 'name'}, with a plain name. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '[A-Za-z0-9_]{1,64}'");

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ErrorBody.response(400, describe(exception));
    }

    static String describe(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (exception instanceof JsonParseException
                && exception.getOriginalMessage() != null
                && DUPLICATE.matcher(exception.getOriginalMessage()).matches()) {
            return exception.getOriginalMessage();
        }
        if (exception instanceof InvalidFormatException || exception instanceof MismatchedInputException) {
            MismatchedInputException mismatch = (MismatchedInputException) exception;
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() == null
                            ? "[" + reference.getIndex() + "]"
                            : reference.getFieldName())
                    .collect(Collectors.joining("."));
            return field.isEmpty() ? "Request body has the wrong JSON type" : "Invalid value for field '" + field + "'";
        }
        return "Malformed JSON in request body";
    }
}
