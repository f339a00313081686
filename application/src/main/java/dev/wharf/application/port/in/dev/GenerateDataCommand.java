package dev.wharf.application.port.in.dev;

/**
 * What to load: {@code projects} new projects in one new organization, each with {@code sourcesPerProject} sources,
 * {@code jobsPerProject} finished jobs spread evenly over the last {@code months} months and
 * {@code runningPerProject} jobs still running; the same {@code seed} loads the same shapes.
 */
public record GenerateDataCommand(
        int projects, int sourcesPerProject, long jobsPerProject, int months, int runningPerProject, long seed) {
    public GenerateDataCommand {
        requireAtLeast(projects, 1, "projects");
        requireAtLeast(sourcesPerProject, 1, "sources");
        requireAtLeast(jobsPerProject, 0, "jobs");
        requireAtLeast(months, 1, "months");
        requireAtLeast(runningPerProject, 0, "running");
    }

    private static void requireAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
