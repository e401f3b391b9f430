package org.vigil.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code vigil} in a separate JVM, as a user would, so tests can kill it or read its output.
 */
public final class ChildVigil implements AutoCloseable {
  private static final Pattern RUNNING =
      Pattern.compile("Vigil is running at http://[^:]+:(\\d+)/");
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private ChildVigil(Process process) {
    this.process = process;
    Thread.ofVirtual().start(this::drain);
  }

  public static ChildVigil start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  /** As {@link #start(String...)}, with {@code environment} added to this JVM's. */
  public static ChildVigil start(Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.vigil.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return new ChildVigil(builder.start());
  }

  /**
   * Runs a command to its end and returns its exit code; {@link #output()} holds what it printed.
   */
  public static ChildVigil run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  /** As {@link #run(String...)}, with {@code environment} added to this JVM's. */
  public static ChildVigil run(Map<String, String> environment, String... args) throws Exception {
    ChildVigil child = start(environment, args);
    if (!child.process.waitFor(60, TimeUnit.SECONDS)) {
      child.process.destroyForcibly();
      throw new IllegalStateException("vigil " + String.join(" ", args) + " did not finish");
    }
    child.process.getInputStream().close();
    Thread.sleep(50); // let the drain thread take the last lines
    return child;
  }

  /** Waits for the server to say where it listens and returns the port. */
  public int awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher m = RUNNING.matcher(line);
        if (m.find()) return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) break;
      Thread.sleep(50);
    }
    throw new IllegalStateException("server did not start: " + String.join("\n", output));
  }

  public int exitCode() {
    return process.exitValue();
  }

  public String output() {
    return String.join("\n", output);
  }

  /** SIGTERM: the server stops as an operator stops it, and this waits for it to exit. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("did not stop");
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private void drain() {
    try (var reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) output.add(line);
    } catch (IOException closed) {
      // the process ended
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
