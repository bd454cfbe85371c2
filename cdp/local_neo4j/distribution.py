"""The Neo4j Community jars, assembled from Maven Central into a cache folder by Maven."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

POM = Path(__file__).with_name("pom.xml")
_POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
_DEFAULT_JAVA_HOMES = (Path("/usr/lib/jvm/java-17-openjdk-amd64"),)
_OFFLINE_HINTS = (
    "Could not transfer",
    "UnknownHost",
    "Connection refused",
    "timed out",
    "Network is unreachable",
    "Could not resolve dependencies",
)


class DistributionError(Exception):
    """Neo4j could not be assembled or run: the message says what to do."""


def neo4j_version() -> str:
    pom = ET.parse(POM).getroot()  # noqa: S314 - the project's own pom.xml
    version = pom.find("m:properties/m:neo4j.version", _POM_NS)
    if version is None or not version.text:
        raise DistributionError(f"{POM} does not pin neo4j.version")
    return version.text.strip()


@dataclass(frozen=True)
class Distribution:
    version: str
    lib: Path

    @property
    def classpath(self) -> str:
        return f"{self.lib}/*"


def find_java(java_home: Path | None) -> Path:
    """The `java` of CDP_JAVA_HOME, JAVA_HOME, the machine's Java 17, or the PATH, in that order."""
    candidates: list[Path] = []
    if java_home is not None:
        candidates.append(java_home)
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    candidates.extend(_DEFAULT_JAVA_HOMES)
    for home in candidates:
        java = home / "bin" / "java"
        if java.is_file() and os.access(java, os.X_OK):
            return java
    on_path = shutil.which("java")
    if on_path:
        return Path(on_path)
    raise DistributionError(
        "No Java found: Neo4j 5.26 needs Java 17 or 21. Install a JDK "
        "(Debian: apt-get install openjdk-17-jre-headless) or set CDP_JAVA_HOME."
    )


def ensure_distribution(
    cache_dir: Path, java: Path, maven_settings: Path | None = None
) -> Distribution:
    """Return the cached jars for the pinned version, fetching them with Maven the first time."""
    version = neo4j_version()
    pom_digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"neo4j-{version}-{pom_digest}"
    marker = target / ".complete"
    if marker.is_file():
        return Distribution(version, target / "lib")

    mvn = shutil.which("mvn")
    if mvn is None:
        raise DistributionError(
            "Maven (mvn) is needed once to fetch Neo4j from Maven Central: "
            "install it (Debian: apt-get install maven)."
        )
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "JAVA_HOME": str(java.parent.parent)}
    command = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(POM),
        f"{DEPENDENCY_PLUGIN}:copy-dependencies",
        f"-DoutputDirectory={staging / 'lib'}",
        "-DincludeScope=runtime",
    ]
    if maven_settings is not None:
        command += ["-s", str(maven_settings)]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip()
        tail = "\n".join(output.splitlines()[-15:])
        if any(hint in output for hint in _OFFLINE_HINTS):
            raise DistributionError(
                f"Could not download Neo4j {version} from Maven Central (is the registry "
                f"reachable?). Maven said:\n{tail}"
            )
        raise DistributionError(f"Maven failed to assemble Neo4j {version}:\n{tail}")
    marker_in_staging = staging / ".complete"
    marker_in_staging.write_text(version + "\n")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    # Older versions in the cache are never used again.
    for stale in cache_dir.glob("neo4j-*"):
        if stale != target:
            shutil.rmtree(stale, ignore_errors=True)
    return Distribution(version, target / "lib")
