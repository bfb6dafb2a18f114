// Kafka's own Java client in kafka-readiness's write probe (driven by src/gather/probe/java-adapter.ts).
// Run as a single-file source program: java -cp <kafka-clients and its codec jars> Probe.java (Java 11+).
// Its settings come on stdin (client properties and "probe." parameters, credentials included, never on the
// command line), ended by a line "#kafka-readiness-end". It then keeps reading stdin: when the parent goes away
// the pipe closes and this process ends. One JSON line per cell on stdout; nothing else is printed there.
// Deliberately Java 11 syntax (no records, no text blocks): the oldest JVM that can launch a source file.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

public class Probe {
  static final String END = "#kafka-readiness-end";
  static final Properties client = new Properties();
  static final Map<String, String> probe = new HashMap<>();
  static final List<KafkaConsumer<byte[], byte[]>> openConsumers = new CopyOnWriteArrayList<>();
  static final CountDownLatch finished = new CountDownLatch(1);
  static volatile boolean stopping = false;
  static String topic;
  static String runId;
  static int maxMessageBytes;
  static int cellTimeoutMs;
  static TopicPartition p0;

  /** A measured failure the probe itself detected (not an exception of the client). */
  static class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  /** The client library cannot do this here (a missing native codec, an old client). */
  static class Unsupported extends Exception {
    Unsupported(String message) {
      super(message);
    }
  }

  interface Work {
    String run() throws Exception;
  }

  static class Cell {
    final String capability;
    String status;
    String message;
    String error;
    long ms;

    Cell(String capability, String status, String message, String error, long ms) {
      this.capability = capability;
      this.status = status;
      this.message = message;
      this.error = error;
      this.ms = ms;
    }
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    for (String line; (line = in.readLine()) != null && !line.equals(END); ) text.append(line).append('\n');
    Properties all = new Properties();
    all.load(new StringReader(text.toString()));
    for (String k : all.stringPropertyNames()) {
      if (k.startsWith("probe.")) probe.put(k.substring(6), all.getProperty(k));
      else client.setProperty(k, all.getProperty(k));
    }
    // The parent went away (its end of stdin closed) or sent SIGTERM: consumers are woken and closed, so they leave
    // their groups and the parent's cleanup can delete them.
    Thread watchdog = new Thread(() -> {
      try {
        while (in.read() >= 0) {}
      } catch (Exception ignored) {
        // a broken pipe means the same as end of input
      }
      System.exit(3);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping = true;
      for (KafkaConsumer<byte[], byte[]> c : openConsumers) c.wakeup();
      try {
        finished.await(3, TimeUnit.SECONDS);
      } catch (InterruptedException ignored) {
        // ending anyway
      }
    }));
    try {
      emitHello();
      run();
    } catch (Throwable t) {
      emit("{\"type\":\"fatal\",\"error\":" + json(errText(t)) + "}");
    } finally {
      finished.countDown();
    }
    System.out.flush();
    System.exit(0);
  }

  /**
   * SASL OAUTHBEARER with Kafka's own OIDC client-credentials login handler (KIP-768): its class moved out of
   * ".secured" in 3.4 (the old name is gone in 4.0). Kafka 4.x only calls token endpoints listed in the system property
   * org.apache.kafka.sasl.oauthbearer.allowed.urls (KIP-1115's default allows none): this one is added to it.
   */
  static void configureOidc() throws Exception {
    String handler = null;
    for (String name : new String[] {"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler", "org.apache.kafka.common.security.oauthbearer.secured.OAuthBearerLoginCallbackHandler"}) {
      try {
        Class.forName(name);
        handler = name;
        break;
      } catch (ClassNotFoundException notThere) {
        // try the older name
      }
    }
    if (handler == null) throw new Exception("kafka-clients " + AppInfoParser.getVersion() + " has no OIDC login callback handler (KIP-768 needs 3.1+)");
    client.setProperty("sasl.login.callback.handler.class", handler);
    String key = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    String endpoint = probe.get("oauthTokenEndpoint");
    String allowed = System.getProperty(key);
    System.setProperty(key, allowed == null || allowed.trim().isEmpty() ? endpoint : allowed + "," + endpoint);
  }

  static void run() throws Exception {
    if ("oidc".equals(probe.get("oauth"))) configureOidc();
    topic = probe.get("topic");
    runId = probe.get("runId");
    maxMessageBytes = Integer.parseInt(probe.get("maxMessageBytes"));
    cellTimeoutMs = Integer.parseInt(probe.get("cellTimeoutMs"));
    p0 = new TopicPartition(topic, 0);
    final boolean kip848 = "true".equals(probe.get("kip848"));

    final Map<String, Function<ConsumerRecord<byte[], byte[]>, String>> written = new LinkedHashMap<>();
    final List<Cell> produced = new ArrayList<>();
    final long[] first = {-1};
    // As listOffsetsPlan in types.ts: ahead of the clock, the newest timestamp of the partition, so ListOffsets(tsValue)
    // must return exactly this record's offset; on a LogAppendTime topic the broker sets timestamps, so an hour back
    // and only "not after this record" can be checked.
    final boolean exactTs = !"true".equals(probe.get("logAppendTime"));
    final long tsValue = exactTs ? System.currentTimeMillis() + 60_000L : System.currentTimeMillis() - 3_600_000L;
    final long[] tsOffset = {-1};
    final byte[] large = new byte[Math.max(1, maxMessageBytes - 512)];
    Arrays.fill(large, (byte) 'a');

    KafkaProducer<byte[], byte[]> plain = null;
    KafkaProducer<byte[], byte[]> idem = null;
    try {
      plain = producer(false, "none", null);
      idem = producer(true, "none", null);
      final KafkaProducer<byte[], byte[]> plainP = plain;
      final KafkaProducer<byte[], byte[]> idemP = idem;

      produced.add(runCell("produce-consume", () -> {
        send(plainP, "produce-consume", payload("produce-consume"), null, null, first);
        written.put("produce-consume", sameValue("produce-consume"));
        return "written with acks=all";
      }));
      produced.add(runCell("idempotent-producer", () -> {
        send(idemP, "idempotent-producer", payload("idempotent-producer"), null, null, first);
        written.put("idempotent-producer", sameValue("idempotent-producer"));
        return "idempotent write (enable.idempotence=true: InitProducerId, sequence numbers) acknowledged";
      }));
      for (final String codec : new String[] {"gzip", "snappy", "lz4", "zstd"}) {
        final String cap = "compression-" + codec;
        produced.add(runCell(cap, () -> {
          KafkaProducer<byte[], byte[]> p = producer(false, codec, null);
          try {
            send(p, cap, payload(cap), null, null, first);
          } finally {
            p.close(Duration.ofSeconds(5));
          }
          written.put(cap, sameValue(cap));
          return codec + " batch written";
        }));
      }
      produced.add(runCell("headers", () -> {
        RecordHeaders h = new RecordHeaders();
        h.add("kr-probe", "h1".getBytes(StandardCharsets.UTF_8));
        h.add("kr-empty", new byte[0]);
        send(plainP, "headers", payload("headers"), h, null, first);
        written.put("headers", r -> {
          Header[] got = r.headers().toArray();
          Header probeHeader = r.headers().lastHeader("kr-probe");
          if (got.length == 2 && probeHeader != null && "h1".equals(new String(probeHeader.value(), StandardCharsets.UTF_8))) return null;
          StringBuilder sb = new StringBuilder();
          for (Header x : got) sb.append(sb.length() > 0 ? ", " : "").append(x.key()).append('=').append(x.value() == null ? "" : new String(x.value(), StandardCharsets.UTF_8));
          return "headers read back: " + (sb.length() > 0 ? sb : "none");
        });
        return "two headers written";
      }));
      produced.add(runCell("large-record", () -> {
        send(plainP, "large-record", large, null, null, first);
        written.put("large-record", r -> r.value() != null && r.value().length == large.length ? null : "read back " + (r.value() == null ? 0 : r.value().length) + " bytes, wrote " + large.length);
        return large.length + "-byte record (max.message.bytes " + maxMessageBytes + ")";
      }));
      final Cell tsWrite = runCell("list-offsets-by-timestamp", () -> {
        tsOffset[0] = send(plainP, "list-offsets-by-timestamp", payload("list-offsets-by-timestamp"), null, tsValue, first);
        return exactTs ? "record with the newest timestamp written" : "record written (the broker sets its timestamp)";
      });

      // Read back everything written with a classic group: that is also the group cell and the commit cell.
      final List<KafkaConsumer<byte[], byte[]>> reader = new ArrayList<>();
      Cell read = runCell("group-classic", () -> {
        if (first[0] < 0) throw new Failed("nothing was written to read back");
        final Set<String> want = new java.util.HashSet<>();
        for (String cap : written.keySet()) want.add(mark(cap));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        reader.add(readBack(probe.get("group.read"), first[0], records, seen -> {
          Set<String> keys = new java.util.HashSet<>();
          for (ConsumerRecord<byte[], byte[]> r : seen) keys.add(key(r));
          return keys.containsAll(want);
        }, "read_uncommitted", false, 2L * cellTimeoutMs));
        for (Cell c : produced) {
          if (!c.status.equals("pass")) continue;
          ConsumerRecord<byte[], byte[]> match = null;
          for (ConsumerRecord<byte[], byte[]> r : records) if (key(r).equals(mark(c.capability))) match = r;
          String problem = match == null ? "it was not read back" : written.get(c.capability).apply(match);
          if (problem != null) {
            c.status = "fail";
            c.message = c.message + ", but " + problem;
          } else c.message = c.message + " and read back";
        }
        return "joined a classic group and read " + records.size() + " record(s) back";
      });
      if (!read.status.equals("pass")) {
        for (Cell c : produced) {
          if (!c.status.equals("pass")) continue;
          c.status = "fail";
          c.message = c.message + ", but it could not be read back: " + read.message;
        }
      }
      for (Cell c : produced) emit(c);
      emit(read);

      final KafkaConsumer<byte[], byte[]> rc = reader.isEmpty() ? null : reader.get(0);
      try {
        emit(runCell("offset-commit-fetch", () -> {
          if (rc == null) throw new Failed("no consumer joined the group (see group-classic)");
          long at = first[0] + 1;
          rc.commitSync(Collections.singletonMap(p0, new OffsetAndMetadata(at)), Duration.ofMillis(cellTimeoutMs));
          OffsetAndMetadata got = rc.committed(Collections.singleton(p0), Duration.ofMillis(cellTimeoutMs)).get(p0);
          if (got == null || got.offset() != at) throw new Failed("OffsetFetch returned " + (got == null ? "nothing" : got.offset()) + " after committing " + at);
          return "committed offset " + at + " and fetched it back";
        }));
        emit(!tsWrite.status.equals("pass") ? tsWrite : runCell("list-offsets-by-timestamp", () -> {
          if (rc == null) throw new Failed("no consumer (see group-classic)");
          OffsetAndTimestamp got = rc.offsetsForTimes(Collections.singletonMap(p0, tsValue), Duration.ofMillis(cellTimeoutMs)).get(p0);
          if (got == null) throw new Failed("ListOffsets(timestamp) returned nothing, expected " + (exactTs ? "" : "at most ") + tsOffset[0]);
          if (exactTs && got.offset() != tsOffset[0]) throw new Failed("ListOffsets(timestamp) returned " + got.offset() + ", expected " + tsOffset[0] + " (the record with the newest timestamp)");
          if (!exactTs && got.offset() > tsOffset[0]) throw new Failed("ListOffsets(timestamp) returned " + got.offset() + ", after the record written at " + tsOffset[0]);
          return exactTs ? "ListOffsets by timestamp returned offset " + got.offset() + ", the record written with the newest timestamp"
              : "ListOffsets by timestamp returned offset " + got.offset() + ", not after the record written at " + tsOffset[0] + " (LogAppendTime topic: the broker sets timestamps, so only that bound is checked)";
        }));
      } finally {
        if (rc != null) closeConsumer(rc);
      }

      emit(runCell("transactions", () -> {
        KafkaProducer<byte[], byte[]> tx = producer(true, "none", probe.get("txid.tx"));
        try {
          tx.initTransactions();
          tx.beginTransaction();
          long c1 = tx.send(new ProducerRecord<>(topic, 0, bytes(mark("tx-committed")), bytes("committed"))).get(cellTimeoutMs, TimeUnit.MILLISECONDS).offset();
          tx.commitTransaction();
          tx.beginTransaction();
          tx.send(new ProducerRecord<>(topic, 0, bytes(mark("tx-aborted")), bytes("aborted"))).get(cellTimeoutMs, TimeUnit.MILLISECONDS);
          tx.abortTransaction();
          final long sentinel = send(plainP, "transactions", bytes("after the aborted transaction"), null, null, null);
          List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
          closeConsumer(readBack(probe.get("group.read-committed"), c1, records, seen -> {
            for (ConsumerRecord<byte[], byte[]> r : seen) if (r.offset() >= sentinel) return true;
            return false;
          }, "read_committed", false, 2L * cellTimeoutMs));
          boolean committed = false;
          boolean aborted = false;
          for (ConsumerRecord<byte[], byte[]> r : records) {
            committed |= key(r).equals(mark("tx-committed"));
            aborted |= key(r).equals(mark("tx-aborted"));
          }
          if (!committed) throw new Failed("read_committed did not see the committed batch");
          if (aborted) throw new Failed("read_committed returned a record of the aborted transaction");
          return "read_committed saw the committed batch and not the aborted one";
        } finally {
          tx.close(Duration.ofSeconds(5));
        }
      }));

      if (!kip848) {
        emit(new Cell("group-consumer", "not-run", "the cluster does not offer KIP-848 consumer groups (ConsumerGroupHeartbeat with group.version >= 1 finalized on every broker)", null, 0));
      } else {
        emit(runCell("group-consumer", () -> {
          if (!clientAtLeast(3, 7)) throw new Unsupported("kafka-clients " + AppInfoParser.getVersion() + " has no group.protocol=consumer (KIP-848 needs 3.7+)");
          if (first[0] < 0) throw new Failed("nothing was written to read");
          List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
          closeConsumer(readBack(probe.get("group.kip848"), first[0], records, seen -> !seen.isEmpty(), "read_uncommitted", true, 2L * cellTimeoutMs));
          return "joined a KIP-848 (group.protocol=consumer) group and read " + records.size() + " record(s)";
        }));
      }
    } finally {
      if (plain != null) plain.close(Duration.ofSeconds(5));
      if (idem != null) idem.close(Duration.ofSeconds(5));
    }
  }

  static Cell runCell(String capability, Work work) {
    long t0 = System.nanoTime();
    if (stopping) return new Cell(capability, "error", "the probe was interrupted before this cell", null, 0);
    try {
      String message = work.run();
      return new Cell(capability, "pass", message, null, ms(t0));
    } catch (Throwable t) {
      long ms = ms(t0);
      if (t instanceof Failed) return new Cell(capability, "fail", t.getMessage(), null, ms);
      if (t instanceof Unsupported) return new Cell(capability, "unsupported", t.getMessage(), null, ms);
      String code = authCode(t);
      if (code != null) return new Cell(capability, "denied", "refused by the cluster: " + code, code, ms);
      String err = errText(t);
      // A codec whose native library cannot load on this machine is the client's limit here, not the cluster's.
      if (hasCause(t, LinkageError.class)) return new Cell(capability, "unsupported", "the client cannot do this here: " + err, err, ms);
      if (stopping || hasCause(t, WakeupException.class)) return new Cell(capability, "error", "the probe was interrupted: " + err, err, ms);
      return new Cell(capability, "fail", "failed: " + err, err, ms);
    }
  }

  static long ms(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e6);
  }

  static KafkaProducer<byte[], byte[]> producer(boolean idempotent, String compression, String transactionalId) {
    Properties p = new Properties();
    p.putAll(client);
    p.put("client.id", probe.get("clientId"));
    p.put("acks", "all");
    p.put("enable.idempotence", String.valueOf(idempotent));
    p.put("compression.type", compression);
    p.put("linger.ms", "0");
    p.put("max.block.ms", String.valueOf(cellTimeoutMs));
    p.put("request.timeout.ms", String.valueOf(Math.max(1000, cellTimeoutMs / 2)));
    p.put("delivery.timeout.ms", String.valueOf(cellTimeoutMs));
    p.put("max.request.size", String.valueOf(Math.max(2 * maxMessageBytes, 1048576)));
    p.put("buffer.memory", String.valueOf(Math.max(4L * maxMessageBytes, 33554432L)));
    if (transactionalId != null) {
      p.put("transactional.id", transactionalId);
      p.put("transaction.timeout.ms", String.valueOf(Math.max(10_000, 2 * cellTimeoutMs)));
    }
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends one record to partition 0 and waits for its acknowledgement; returns its offset. */
  static long send(KafkaProducer<byte[], byte[]> p, String capability, byte[] value, RecordHeaders headers, Long timestamp, long[] first) throws Exception {
    ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, timestamp, bytes(mark(capability)), value, headers);
    RecordMetadata md = p.send(r).get(cellTimeoutMs, TimeUnit.MILLISECONDS);
    if (first != null && (first[0] < 0 || md.offset() < first[0])) first[0] = md.offset();
    return md.offset();
  }

  /** Joins the group, reads partition 0 from `from` until `done` holds; the consumer stays joined (caller closes). */
  static KafkaConsumer<byte[], byte[]> readBack(String groupId, final long from, List<ConsumerRecord<byte[], byte[]>> records, Predicate<List<ConsumerRecord<byte[], byte[]>>> done, String isolation, boolean consumerProtocol, long timeoutMs) throws Exception {
    Properties p = new Properties();
    p.putAll(client);
    p.put("client.id", probe.get("clientId"));
    p.put("group.id", groupId);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", isolation);
    int big = Math.max(2 * maxMessageBytes, 4 * 1024 * 1024);
    p.put("max.partition.fetch.bytes", String.valueOf(big));
    p.put("fetch.max.bytes", String.valueOf(big));
    p.put("fetch.max.wait.ms", "500");
    p.put("default.api.timeout.ms", String.valueOf(cellTimeoutMs));
    p.put("request.timeout.ms", String.valueOf(Math.max(1000, cellTimeoutMs / 2)));
    if (consumerProtocol) p.put("group.protocol", "consumer");
    else {
      // Classic protocol (the default of every client version); timeouts short so a left member goes quickly.
      p.put("session.timeout.ms", "10000");
      p.put("heartbeat.interval.ms", "1000");
    }
    final KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    openConsumers.add(c);
    try {
      c.subscribe(Collections.singletonList(topic), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (partitions.contains(p0)) c.seek(p0, from);
        }
      });
      long deadline = System.currentTimeMillis() + timeoutMs;
      while (!done.test(records)) {
        if (System.currentTimeMillis() > deadline) throw new Failed("no result within " + timeoutMs + " ms (" + records.size() + " record(s) read)");
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.partition() == 0 && r.offset() >= from) records.add(r);
        }
      }
      return c;
    } catch (Exception e) {
      closeConsumer(c);
      throw e;
    }
  }

  static void closeConsumer(KafkaConsumer<byte[], byte[]> c) {
    try {
      c.close(Duration.ofSeconds(5));
    } catch (Exception ignored) {
      // closing is best effort; the parent deletes the group afterwards
    } finally {
      openConsumers.remove(c);
    }
  }

  static boolean clientAtLeast(int major, int minor) {
    String[] v = AppInfoParser.getVersion().split("[.-]");
    try {
      int ma = Integer.parseInt(v[0]);
      int mi = v.length > 1 ? Integer.parseInt(v[1]) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String mark(String capability) {
    return runId + ":java:" + capability;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
  }

  static byte[] payload(String capability) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) sb.append("kafka-readiness probe ").append(capability).append(' ');
    return bytes(sb.toString());
  }

  static Function<ConsumerRecord<byte[], byte[]>, String> sameValue(final String capability) {
    return r -> Arrays.equals(r.value(), payload(capability)) ? null : "value read back differs from the value written";
  }

  static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) if (type.isInstance(e)) return true;
    return false;
  }

  /** The Kafka error code of an authorization refusal anywhere in the cause chain (TOPIC_AUTHORIZATION_FAILED, ...). */
  static String authCode(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof AuthorizationException) {
        Errors code = Errors.forException(e);
        return code == Errors.UNKNOWN_SERVER_ERROR ? e.getClass().getSimpleName() : code.name();
      }
    }
    return null;
  }

  /** The innermost meaningful exception: its Kafka error code (when it has one) and the first line of its message. */
  static String errText(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException) && e.getCause() != null) e = e.getCause();
    Errors code = Errors.forException(e);
    String name = code == Errors.UNKNOWN_SERVER_ERROR ? e.getClass().getSimpleName() : code.name();
    String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
    String out = msg.isEmpty() ? name : name + ": " + msg;
    return out.length() > 400 ? out.substring(0, 400) : out;
  }

  static void emitHello() {
    emit("{\"type\":\"hello\",\"version\":" + json(AppInfoParser.getVersion()) + ",\"java\":" + json(System.getProperty("java.version")) + "}");
  }

  static void emit(Cell c) {
    emit("{\"type\":\"cell\",\"capability\":" + json(c.capability) + ",\"status\":" + json(c.status) + ",\"message\":" + json(c.message)
        + (c.error != null ? ",\"error\":" + json(c.error) : "") + ",\"ms\":" + c.ms + "}");
  }

  static synchronized void emit(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static String json(String s) {
    if (s == null) return "null";
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
      else if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) sb.append(String.format("\\u%04x", (int) ch));
      else sb.append(ch);
    }
    return sb.append('"').toString();
  }
}
