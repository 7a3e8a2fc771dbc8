package io.rsitr.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on 127.0.0.1 that responds to the few MLflow REST calls the tracker makes
 * and records the requests, so tests can check what was sent.
 */
final class FakeMlflowServer implements AutoCloseable {

  static final String EXPERIMENT_ID = "17";
  static final String RUN_ID = "0123456789abcdef0123456789abcdef";

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> createRunBodies = new CopyOnWriteArrayList<>();
  final List<JsonNode> logBatchBodies = new CopyOnWriteArrayList<>();
  final List<JsonNode> setTagBodies = new CopyOnWriteArrayList<>();
  final List<JsonNode> updateRunBodies = new CopyOnWriteArrayList<>();
  final List<String> artifactPuts = new CopyOnWriteArrayList<>();
  final AtomicInteger getByNameCalls = new AtomicInteger();

  /** Status returned to every artifact PUT. */
  volatile int artifactStatus = 200;

  /** Whether experiments/create returns RESOURCE_ALREADY_EXISTS, as after a concurrent create. */
  volatile boolean createReportsExisting;

  private final HttpServer server;

  FakeMlflowServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    String text = new String(body, StandardCharsets.UTF_8);
    switch (path) {
      case "/health" -> respond(exchange, 200, "OK");
      case "/api/2.0/mlflow/experiments/get-by-name" -> {
        int call = getByNameCalls.incrementAndGet();
        if (createReportsExisting && call > 3) {
          respond(exchange, 200, "{\"experiment\": {\"experiment_id\": \"" + EXPERIMENT_ID
              + "\", \"name\": \"e\", \"lifecycle_stage\": \"active\"}}");
        } else {
          respond(exchange, 404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\"}");
        }
      }
      case "/api/2.0/mlflow/experiments/create" -> {
        if (createReportsExisting) {
          respond(exchange, 400, "{\"error_code\": \"RESOURCE_ALREADY_EXISTS\"}");
        } else {
          respond(exchange, 200, "{\"experiment_id\": \"" + EXPERIMENT_ID + "\"}");
        }
      }
      case "/api/2.0/mlflow/runs/create" -> {
        JsonNode request = JSON.readTree(text);
        createRunBodies.add(request);
        respond(exchange, 200, "{\"run\": {\"info\": {\"run_id\": \"" + RUN_ID
            + "\", \"run_uuid\": \"" + RUN_ID + "\", \"experiment_id\": \""
            + request.get("experiment_id").asText() + "\", \"status\": \"RUNNING\", "
            + "\"artifact_uri\": \"mlflow-artifacts:/" + EXPERIMENT_ID + "/" + RUN_ID
            + "/artifacts\"}, \"data\": {}}}");
      }
      case "/api/2.0/mlflow/runs/log-batch" -> {
        logBatchBodies.add(JSON.readTree(text));
        respond(exchange, 200, "{}");
      }
      case "/api/2.0/mlflow/runs/set-tag" -> {
        setTagBodies.add(JSON.readTree(text));
        respond(exchange, 200, "{}");
      }
      case "/api/2.0/mlflow/runs/update" -> {
        updateRunBodies.add(JSON.readTree(text));
        respond(exchange, 200, "{\"run_info\": {}}");
      }
      default -> {
        if (path.startsWith(ArtifactUploader.PROXY_PATH) && exchange.getRequestMethod().equals("PUT")) {
          artifactPuts.add(path);
          respond(exchange, artifactStatus, "{}");
        } else {
          respond(exchange, 404, "{\"error_code\": \"ENDPOINT_NOT_FOUND\"}");
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
