package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the fermata command line: its exit code and what it printed on stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FermataCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }
}
