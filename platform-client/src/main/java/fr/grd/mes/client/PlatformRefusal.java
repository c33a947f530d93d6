package fr.grd.mes.client;

/** A call the platform refused (any status but 2xx), with the problem it answered. */
public class PlatformRefusal extends RuntimeException {
    private final Problem problem;

    public PlatformRefusal(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
