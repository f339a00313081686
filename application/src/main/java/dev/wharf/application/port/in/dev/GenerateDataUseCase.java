package dev.wharf.application.port.in.dev;

import java.util.function.LongConsumer;

/** Loads made-up projects, sources and jobs through the repositories, for benchmarks and demonstrations. */
public interface GenerateDataUseCase {
    /** Loads the data; {@code progress} hears the number of jobs stored so far, now and then. */
    GeneratedData generate(GenerateDataCommand command, LongConsumer progress);
}
