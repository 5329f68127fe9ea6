"""A small OTLP/HTTP trace receiver for scripts/otel-e2e.sh and scripts/bench-tracing.sh.

POST /v1/traces with an `ExportTraceServiceRequest` (protobuf, optionally gzip) is decoded with
`opentelemetry-proto` and each span written as one JSON line to SPANS_FILE (ids as hex, the kind's
name, attributes as a dict); the request's raw bytes are appended to RAW_FILE so a caller can grep
everything the service exported. Binds 127.0.0.1 on an OS-chosen port and prints
`listening <port>` once ready. With SPANS_FILE `-` and no RAW_FILE it only counts export
requests, without decoding them (benchmarks).

    python otlp_receiver.py SPANS_FILE RAW_FILE
"""

import gzip
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span

SPANS_FILE = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else None
RAW_FILE = sys.argv[2] if len(sys.argv) > 2 else None
LOCK = threading.Lock()
COUNT = {"spans": 0, "requests": 0}


def value(any_value):
    kind = any_value.WhichOneof("value")
    if kind is None:
        return None
    if kind == "array_value":
        return [value(v) for v in any_value.array_value.values]
    if kind == "kvlist_value":
        return {kv.key: value(kv.value) for kv in any_value.kvlist_value.values}
    return getattr(any_value, kind)


def span_json(resource, span):
    return {
        "service": resource.get("service.name"),
        "trace_id": span.trace_id.hex(),
        "span_id": span.span_id.hex(),
        "parent_span_id": span.parent_span_id.hex(),
        "trace_state": span.trace_state,
        "name": span.name,
        "kind": Span.SpanKind.Name(span.kind),
        "start": span.start_time_unix_nano,
        "end": span.end_time_unix_nano,
        "status": span.status.code,
        "attributes": {kv.key: value(kv.value) for kv in span.attributes},
        "events": [{"name": e.name, "attributes": {kv.key: value(kv.value) for kv in e.attributes}} for e in span.events],
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        if self.path != "/v1/traces":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        request = ExportTraceServiceRequest()
        lines = []
        # Count-only (benchmarks): the batch is acknowledged undecoded, so the receiver's CPU stays small.
        if SPANS_FILE or RAW_FILE:
            request.ParseFromString(body)
        for resource_spans in request.resource_spans:
            resource = {kv.key: value(kv.value) for kv in resource_spans.resource.attributes}
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    lines.append(json.dumps(span_json(resource, span)) if SPANS_FILE else "")
        with LOCK:
            COUNT["spans"] += len(lines)
            COUNT["requests"] += 1
            if RAW_FILE:
                with open(RAW_FILE, "ab") as raw:
                    raw.write(body)
                    raw.write(repr(dict(self.headers)).encode())
            if SPANS_FILE:
                with open(SPANS_FILE, "a") as out:
                    out.writelines(line + "\n" for line in lines)
        reply = ExportTraceServiceResponse().SerializeToString()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def do_GET(self):  # noqa: N802
        """GET /count: spans and export requests received so far, as JSON."""
        with LOCK:
            reply = json.dumps(COUNT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *_):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
