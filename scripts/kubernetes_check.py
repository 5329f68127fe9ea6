#!/usr/bin/env python3
"""Validates deploy/kubernetes/ and docker-compose.yml; run by scripts/kubernetes-check.sh.

1. Every resource in every YAML file under deploy/kubernetes/ against the Kubernetes JSON schemas
   that kubernetes-validate ships, in strict mode (an unknown field is an error, and so is a kind or
   apiVersion it has no schema for), for each pinned Kubernetes version.
2. The properties the deployment doc promises, so that a regression fails here rather than in a
   cluster: non-root, read-only root filesystem, no privilege escalation, every capability dropped,
   seccomp RuntimeDefault, resources set, for every workload; for the service's Deployment the
   image's user, probes on /health and /ready, the key from a mounted Secret file (no Secret in the
   environment), QUOTA_REPLICAS ≥ replicas, TRUSTED_PROXY_HOPS set, a grace period that covers the
   drain, a Service and a PodDisruptionBudget that select its pods; every variable it sets is one
   the service reads; no real-looking key in a Secret; kustomization.yaml lists every manifest.
3. docker-compose.yml against the compose specification's JSON schema (strict: unknown keys
   other than x-… are errors).

Usage: kubernetes_check.py --compose-schema FILE [--kubernetes-version V]... [--root DIR]
"""

import argparse
import base64
import json
import os
import re
import sys

import jsonschema
import yaml
from kubernetes_validate import utils as kv

WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
APP = "weather-tracker"
APP_USER = 10001
KEY_FILE_VARIABLE = "OPENWEATHER_API_KEY_FILE"


class Report:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"[kubernetes-check] FAIL {what}", file=sys.stderr)
        return ok


def load_manifests(directory):
    """{relative path: [resource, …]} for every .yaml/.yml file under `directory`."""
    files = {}
    for folder, _, names in sorted(os.walk(directory)):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    files[os.path.relpath(path, directory)] = [d for d in yaml.safe_load_all(f) if d]
    return files


def service_variables(sources):
    """The variables of every `ServiceSetting([…], …)` row in `ServiceConfiguration.settings`, the one
    description of what the service reads."""
    pattern = re.compile(r"ServiceSetting\(\s*\[([^\]]*)\]", re.S)
    variables = set()
    for folder, _, names in os.walk(sources):
        for name in names:
            if name.endswith(".swift"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                if "static let settings: [ServiceSetting]" in text:
                    for match in pattern.finditer(text):
                        variables.update(re.findall(r'"([A-Z0-9_]+)"', match.group(1)))
    return variables


def known_variable(name, variables):
    # NAME_FILE reads NAME's value from a file (OPENWEATHER_API_KEY_FILE, REDIS_PASSWORD_FILE).
    return name in variables or (name.endswith("_FILE") and name[: -len("_FILE")] in variables)


def effective(pod_context, container_context, key):
    value = (container_context or {}).get(key)
    return value if value is not None else (pod_context or {}).get(key)


def check_schemas(files, versions, report):
    for path, resources in files.items():
        for resource in resources:
            if resource.get("kind") == "Kustomization":
                continue  # not a Kubernetes API object; checked by check_kustomization
            name = f"{path}: {resource.get('kind')}/{resource.get('metadata', {}).get('name')}"
            for version in versions:
                try:
                    kv.validate(resource, version, strict=True)
                    report.check(True, name)
                except kv.ValidationError as e:
                    where = ".".join(str(p) for p in e.path)
                    report.check(False, f"{name} against Kubernetes {version}: {where}: {e.message}")
                except kv.SchemaNotFoundError as e:
                    report.check(False, f"{name}: {e.message}")


def check_kustomization(files, report):
    kustomization = files.get("kustomization.yaml")
    if not report.check(kustomization is not None, "deploy/kubernetes/kustomization.yaml exists"):
        return
    listed = set(kustomization[0].get("resources", []))
    top_level = {p for p in files if os.sep not in p and p != "kustomization.yaml"}
    report.check(listed == top_level, "kustomization.yaml lists every top-level manifest: "
                 f"listed {sorted(listed)}, present {sorted(top_level)}")


def check_workload_security(path, workload, report):
    name = f"{path}: {workload['kind']}/{workload['metadata']['name']}"
    pod = workload["spec"]["template"]["spec"]
    pod_context = pod.get("securityContext", {})
    for container in pod.get("initContainers", []) + pod["containers"]:
        context = container.get("securityContext", {})
        who = f"{name} container {container['name']}"
        report.check(effective(pod_context, context, "runAsNonRoot") is True, f"{who}: runAsNonRoot: true")
        user = effective(pod_context, context, "runAsUser")
        report.check(user is not None and user != 0, f"{who}: runAsUser set and not 0 (is {user})")
        report.check(context.get("readOnlyRootFilesystem") is True, f"{who}: readOnlyRootFilesystem: true")
        report.check(context.get("allowPrivilegeEscalation") is False, f"{who}: allowPrivilegeEscalation: false")
        report.check(context.get("privileged") is not True, f"{who}: not privileged")
        capabilities = context.get("capabilities", {})
        report.check("ALL" in capabilities.get("drop", []), f"{who}: capabilities.drop contains ALL")
        report.check(not capabilities.get("add"), f"{who}: no capability added")
        seccomp = effective(pod_context, context, "seccompProfile") or {}
        report.check(seccomp.get("type") == "RuntimeDefault", f"{who}: seccompProfile RuntimeDefault")
        resources = container.get("resources", {})
        report.check(all(resources.get("requests", {}).get(r) for r in ("cpu", "memory"))
                     and resources.get("limits", {}).get("memory"),
                     f"{who}: cpu and memory requests and a memory limit")
        for source in container.get("envFrom", []):
            report.check("secretRef" not in source, f"{who}: no Secret in envFrom (mount it as a file)")
        for variable in container.get("env", []):
            secret_ref = variable.get("valueFrom", {}).get("secretKeyRef")
            report.check(secret_ref is None,
                         f"{who}: {variable['name']} is not taken from a Secret into the environment")


def pods(value, replicas):
    """A PodDisruptionBudget's count: an integer, or a percentage of the replicas (rounded up)."""
    if isinstance(value, str) and value.endswith("%"):
        return -(-int(value[:-1]) * replicas // 100)
    return int(value)


def probe_path(container, kind):
    return (container.get(kind) or {}).get("httpGet", {}).get("path")


def duration_seconds(text, default):
    """Seconds as the service reads them (EnvironmentReader.seconds): `10` or `10s`."""
    if text is None:
        return default
    try:
        return float(text.strip().removesuffix("s"))
    except ValueError:
        return default


def check_application(files, variables, report):
    resources = [(p, r) for p, rs in files.items() for r in rs]
    deployments = [(p, r) for p, r in resources if r.get("kind") == "Deployment" and r["metadata"]["name"] == APP]
    if not report.check(len(deployments) == 1, f"exactly one Deployment named {APP}"):
        return
    path, deployment = deployments[0]
    name = f"{path}: Deployment/{APP}"
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    labels = spec["template"]["metadata"].get("labels", {})
    containers = [c for c in pod["containers"] if c["name"] == APP]
    if not report.check(len(containers) == 1, f"{name}: a container named {APP}"):
        return
    container = containers[0]
    context = container.get("securityContext", {})
    pod_context = pod.get("securityContext", {})
    replicas = spec.get("replicas", 1)
    report.check(replicas >= 2, f"{name}: at least 2 replicas (is {replicas})")
    for key in ("runAsUser", "runAsGroup"):
        value = effective(pod_context, context, key)
        report.check(value == APP_USER, f"{name}: {key} {APP_USER}, the image's (is {value})")
    report.check(spec.get("strategy", {}).get("type", "RollingUpdate") == "RollingUpdate",
                 f"{name}: a rolling update")

    # Probes: /health for liveness and start-up, /ready for readiness, on the container's port.
    report.check(probe_path(container, "livenessProbe") == "/health", f"{name}: livenessProbe GET /health")
    report.check(probe_path(container, "readinessProbe") == "/ready", f"{name}: readinessProbe GET /ready")
    report.check(probe_path(container, "startupProbe") == "/health", f"{name}: startupProbe GET /health")
    ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
    report.check(8000 in ports.values(), f"{name}: containerPort 8000")
    for kind in ("livenessProbe", "readinessProbe", "startupProbe"):
        port = (container.get(kind) or {}).get("httpGet", {}).get("port")
        report.check(ports.get(port, port) == 8000, f"{name}: {kind} on port 8000 (is {port})")

    # The environment: known variables only; the key from a mounted Secret's file.
    environment = {}
    for source in container.get("envFrom", []):
        reference = source.get("configMapRef", {}).get("name")
        maps = [r for _, r in resources if r.get("kind") == "ConfigMap" and r["metadata"]["name"] == reference]
        report.check(len(maps) == 1, f"{name}: envFrom ConfigMap {reference} is among the manifests")
        for m in maps:
            environment.update(m.get("data", {}))
    for variable in container.get("env", []):
        environment[variable["name"]] = variable.get("value")
    report.check(bool(variables), "the service's variable list was found in Sources/")
    for variable in sorted(environment):
        report.check(known_variable(variable, variables), f"{name}: {variable} is a variable the service reads")
    for secret_variable in ("OPENWEATHER_API_KEY", "REDIS_PASSWORD"):
        report.check(secret_variable not in environment,
                     f"{name}: no {secret_variable} in the environment (use {secret_variable}_FILE)")
    key_file = environment.get(KEY_FILE_VARIABLE) or ""
    mounts = {m["mountPath"].rstrip("/"): m for m in container.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    folder, _, file_name = key_file.rpartition("/")
    mount = mounts.get(folder)
    secret = volumes.get(mount["name"], {}).get("secret") if mount else None
    report.check(secret is not None and mount.get("readOnly") is True,
                 f"{name}: {KEY_FILE_VARIABLE}={key_file!r} lies in a read-only mounted Secret volume")
    if secret is not None:
        items = secret.get("items")
        paths = {i["path"] for i in items} if items else None
        report.check(paths is None or file_name in paths, f"{name}: the Secret volume has a file {file_name!r}")

    # QUOTA_REPLICAS: each replica's share of the budget while Redis is away; fewer than the
    # replicas would let them together spend more than the account has.
    quota_replicas = int(environment.get("QUOTA_REPLICAS") or 1)
    report.check(quota_replicas >= replicas, f"{name}: QUOTA_REPLICAS {quota_replicas} ≥ replicas {replicas}")
    hops = environment.get("TRUSTED_PROXY_HOPS")
    report.check(hops is not None and int(hops) >= 1,
                 f"{name}: TRUSTED_PROXY_HOPS set for the ingress in front (is {hops})")

    # The grace period covers the preStop pause and the service's own drain.
    pause = (container.get("lifecycle", {}).get("preStop", {}).get("sleep", {}) or {}).get("seconds", 0)
    drain = duration_seconds(environment.get("SHUTDOWN_TIMEOUT"), 10)
    grace = pod.get("terminationGracePeriodSeconds", 30)
    report.check(grace >= pause + drain,
                 f"{name}: terminationGracePeriodSeconds {grace} ≥ preStop {pause} + SHUTDOWN_TIMEOUT {drain:g}")

    # The Service and the PodDisruptionBudget select these pods.
    def selects(selector):
        return bool(selector) and all(labels.get(k) == v for k, v in selector.items())

    services = [r for _, r in resources if r.get("kind") == "Service" and selects(r["spec"].get("selector"))]
    report.check(len(services) >= 1, f"{name}: a Service selects its pods")
    for service in services:
        for port in service["spec"]["ports"]:
            target = port.get("targetPort", port["port"])
            report.check(ports.get(target, target) == 8000,
                         f"Service/{service['metadata']['name']}: port {port['port']} reaches 8000 (targets {target})")
    budgets = [r for _, r in resources
               if r.get("kind") == "PodDisruptionBudget" and selects(r["spec"]["selector"].get("matchLabels"))]
    if report.check(len(budgets) == 1, f"{name}: one PodDisruptionBudget selects its pods"):
        budget = budgets[0]["spec"]
        if "maxUnavailable" in budget:
            allows = pods(budget["maxUnavailable"], replicas) >= 1
        else:
            allows = pods(budget.get("minAvailable", replicas), replicas) < replicas
        report.check(allows, f"PodDisruptionBudget/{budgets[0]['metadata']['name']}: leaves one pod disruptable")


def check_secrets(files, report):
    """A Secret in the repository holds placeholders only: nothing shaped like an OpenWeather key."""
    for path, resources in files.items():
        for resource in resources:
            if resource.get("kind") != "Secret":
                continue
            values = dict(resource.get("stringData", {}))
            for key, encoded in resource.get("data", {}).items():
                values[key] = base64.b64decode(encoded).decode("utf-8", "replace")
            for key, value in values.items():
                report.check(not re.search(r"\b[0-9a-f]{32}\b", value),
                             f"{path}: Secret/{resource['metadata']['name']} {key} is a placeholder, not a key")


def check_compose(compose_path, schema_path, report):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(compose_path, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    # The schema says draft 2019-09 in a spelling jsonschema does not know; it is written in
    # draft-07 terms (definitions, patternProperties, additionalProperties: false).
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        where = ".".join(str(p) for p in error.path) or "(top)"
        report.check(False, f"{os.path.basename(compose_path)}: {where}: {error.message}")
    if not errors:
        report.check(True, os.path.basename(compose_path))
    return not errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    parser.add_argument("--kubernetes-version", action="append", required=True)
    parser.add_argument("--compose-schema", required=True)
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    directory = os.path.join(root, "deploy", "kubernetes")

    report = Report()
    files = load_manifests(directory)
    report.check(len(files) > 1, f"manifests found under deploy/kubernetes/ ({len(files)} files)")
    count = sum(len(r) for r in files.values())
    check_schemas(files, args.kubernetes_version, report)
    check_kustomization(files, report)
    for path, resources in files.items():
        for resource in resources:
            if resource.get("kind") in WORKLOADS:
                check_workload_security(path, resource, report)
    check_application(files, service_variables(os.path.join(root, "Sources")), report)
    check_secrets(files, report)
    compose_ok = check_compose(os.path.join(root, "docker-compose.yml"), args.compose_schema, report)

    versions = ", ".join(args.kubernetes_version)
    print(f"[kubernetes-check] {len(files)} files, {count} resources, strict schemas of Kubernetes {versions}; "
          f"docker-compose.yml against the compose specification: {'valid' if compose_ok else 'INVALID'}")
    print(f"[kubernetes-check] {report.passed} checks passed, {len(report.failures)} failed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
