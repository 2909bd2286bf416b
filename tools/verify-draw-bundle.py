#!/usr/bin/env python3
"""Independent verifier for Puente daily draw bundles (protocol puente-draw/1).

Written from the protocol text alone, with the Python standard library only, so that an auditor
does not have to trust Puente's own code to check a draw.

Usage: python3 tools/verify-draw-bundle.py FILE|URL
Exit status: 0 and "OK" when the bundle recomputes exactly; 1 with one line per difference
when it does not; 2 when the bundle cannot be read at all.

Beyond the spec, an announcement may name a public randomness round ("beacon": a drand chain hash
and round number, fixed before the request window opened), and the bundle then says what became
of it ("beacon": status "used" with the round as fetched, or "unavailable" with a reason). This
script checks that the round used is the round announced, that its randomness is SHA-256 of its
signature, and that it is exactly the reveal's beacon; after "OK" it prints the address at which
anyone can fetch the same round from drand and compare.
"""

import datetime
import hashlib
import hmac
import json
import re
import sys
import urllib.request

PROTOCOL = "puente-draw/1"
TICKET = re.compile(r"[A-Za-z0-9_-]{1,64}")
LOWER_HEX_64 = re.compile(r"[0-9a-f]{64}")
HHMM = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_LISTED_RESULT_DIFFERENCES = 100
LOWER_HEX = re.compile(r"(?:[0-9a-f]{2})+")
BEACON_STATUSES_FOR_AN_ANNOUNCED_ROUND = ("used", "unavailable")
BEACON_REASONS = ("unreachable", "invalid", "notConfigured")


class Unreadable(Exception):
    pass


def no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise Unreadable(f"JSON object repeats the key {key!r}")
        seen[key] = value
    return seen


def load(source):
    try:
        if source.startswith(("http://", "https://")):
            request = urllib.request.Request(source, headers={"Accept": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as response:
                raw = response.read()
        else:
            with open(source, "rb") as handle:
                raw = handle.read()
        return json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicate_keys)
    except Unreadable:
        raise
    except Exception as error:  # any I/O, network, decoding or JSON error means "cannot read"
        raise Unreadable(f"cannot read {source}: {error}") from error


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_str(value):
    return isinstance(value, str)


def is_date(value):
    if not is_str(value) or not ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def by_ticket_bytes(item):
    return item["ticket"].encode("utf-8")


def check_shape(bundle):
    """Types the rest of the script relies on; anything else makes the bundle unreadable."""
    def need(condition, what):
        if not condition:
            raise Unreadable(f"bundle shape: {what}")

    need(isinstance(bundle, dict), "top level must be an object")
    a = bundle.get("announcement")
    need(isinstance(a, dict), "announcement must be an object")
    for name in ("protocol", "serviceDate", "commitment"):
        need(is_str(a.get(name)), f"announcement.{name} must be a string")
    need(is_int(a.get("priorityPercent")), "announcement.priorityPercent must be an integer")
    named = a.get("beacon")
    need(named is None or (isinstance(named, dict) and is_str(named.get("chainHash")) and is_int(named.get("round"))),
         "announcement.beacon must be an object with a string chainHash and an integer round")
    need(isinstance(a.get("ports"), list), "announcement.ports must be an array")
    for i, port in enumerate(a["ports"]):
        need(isinstance(port, dict) and is_str(port.get("code")) and isinstance(port.get("slots"), list),
             f"announcement.ports[{i}] must have a string code and a slots array")
        for j, slot in enumerate(port["slots"]):
            need(isinstance(slot, dict) and is_str(slot.get("start")) and is_int(slot.get("capacity")),
                 f"announcement.ports[{i}].slots[{j}] must have a string start and an integer capacity")
    need(isinstance(bundle.get("entries"), list), "entries must be an array")
    for i, entry in enumerate(bundle["entries"]):
        need(isinstance(entry, dict) and is_str(entry.get("ticket")) and is_str(entry.get("registeredOn"))
             and is_int(entry.get("size")) and isinstance(entry.get("ports"), list)
             and all(is_str(p) for p in entry["ports"]),
             f"entries[{i}] must have ticket, registeredOn, size and ports of the right types")
    need(is_str(bundle.get("entriesDigest")), "entriesDigest must be a string")
    reveal = bundle.get("reveal")
    need(reveal is None or (isinstance(reveal, dict) and is_str(reveal.get("secret")) and is_str(reveal.get("beacon"))),
         "reveal must be an object with string secret and beacon")
    need(bundle.get("seed") is None or is_str(bundle["seed"]), "seed must be a string")
    need(bundle.get("resultsDigest") is None or is_str(bundle["resultsDigest"]), "resultsDigest must be a string")
    report = bundle.get("beacon")
    need(report is None or (isinstance(report, dict) and is_str(report.get("status"))
                            and all(report.get(k) is None or is_str(report[k])
                                    for k in ("chainHash", "randomness", "signature", "previousSignature", "reason"))
                            and (report.get("round") is None or is_int(report["round"]))),
         "beacon must be an object with a string status, string chainHash, randomness, signature, "
         "previousSignature and reason, and an integer round")
    results = bundle.get("results")
    need(results is None or isinstance(results, list), "results must be an array")
    for i, result in enumerate(results or []):
        need(isinstance(result, dict) and is_str(result.get("ticket")) and is_str(result.get("port"))
             and is_str(result.get("slot")) and is_int(result.get("phase")),
             f"results[{i}] must have string ticket, port, slot and an integer phase")


def input_problems(announcement, entries):
    problems = []
    if announcement["protocol"] != PROTOCOL:
        problems.append(f"announcement: protocol is {announcement['protocol']!r}, expected {PROTOCOL!r}")
    if not is_date(announcement["serviceDate"]):
        problems.append(f"announcement: serviceDate {announcement['serviceDate']!r} is not YYYY-MM-DD")
    if not LOWER_HEX_64.fullmatch(announcement["commitment"]):
        problems.append("announcement: commitment is not 64 lowercase hex characters")
    if not 0 <= announcement["priorityPercent"] <= 100:
        problems.append(f"announcement: priorityPercent {announcement['priorityPercent']} is outside 0..100")
    named = announcement.get("beacon")
    if named is not None and (not LOWER_HEX_64.fullmatch(named["chainHash"]) or named["round"] < 1):
        problems.append("announcement: beacon needs a chainHash of 64 lowercase hex characters and a round of at least 1")
    codes = set()
    for port in announcement["ports"]:
        if port["code"] in codes:
            problems.append(f"announcement: port {port['code']} appears twice")
        codes.add(port["code"])
        previous = None
        for slot in port["slots"]:
            if not HHMM.fullmatch(slot["start"]):
                problems.append(f"announcement: port {port['code']} slot {slot['start']!r} is not HH:MM")
            elif previous is not None and slot["start"] <= previous:
                problems.append(f"announcement: port {port['code']} slots are not in ascending start order at {slot['start']}")
            else:
                previous = slot["start"]
            if slot["capacity"] < 0:
                problems.append(f"announcement: port {port['code']} slot {slot['start']} has negative capacity")

    seen = set()
    repeated = set()
    for entry in entries:
        ticket = entry["ticket"]
        if not TICKET.fullmatch(ticket):
            problems.append(f"entry {ticket!r}: ticket must be 1-64 characters from [A-Za-z0-9_-]")
        if ticket in seen and ticket not in repeated:
            problems.append(f"entries: ticket {ticket} appears more than once")
            repeated.add(ticket)
        seen.add(ticket)
        if not is_date(entry["registeredOn"]):
            problems.append(f"entry {ticket}: registeredOn {entry['registeredOn']!r} is not YYYY-MM-DD")
        if entry["size"] < 1:
            problems.append(f"entry {ticket}: size {entry['size']} is less than 1")
        ports = entry["ports"]
        if not 1 <= len(ports) <= 3:
            problems.append(f"entry {ticket}: names {len(ports)} ports, must name 1 to 3")
        if len(set(ports)) != len(ports):
            problems.append(f"entry {ticket}: names a port more than once")
        for code in ports:
            if code not in codes:
                problems.append(f"entry {ticket}: port {code} is not in the announcement")
    return problems


def entries_digest(entries):
    text = "".join(
        f"{e['ticket']}|{e['registeredOn']}|{e['size']}|{','.join(e['ports'])}\n"
        for e in sorted(entries, key=by_ticket_bytes))
    return sha256_hex(text.encode("utf-8"))


def results_digest(results):
    text = "".join(
        f"{r['ticket']}|{r['port']}|{r['slot']}|{r['phase']}\n"
        for r in sorted(results, key=by_ticket_bytes))
    return sha256_hex(text.encode("utf-8"))


def compute_seed(secret, service_date, digest, beacon):
    suffix = f"{PROTOCOL}|{service_date}|{digest}|{beacon}".encode("utf-8")
    return hashlib.sha256(secret + suffix).digest()


def ticket_key(seed, ticket):
    mac = hmac.new(seed, ticket.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(mac[:8], "big")


def allocate(announcement, entries, seed):
    remaining = {p["code"]: [s["capacity"] for s in p["slots"]] for p in announcement["ports"]}
    starts = {p["code"]: [s["start"] for s in p["slots"]] for p in announcement["ports"]}
    quota = {code: sum(caps) * announcement["priorityPercent"] // 100 for code, caps in remaining.items()}
    used = {code: 0 for code in remaining}
    keys = {e["ticket"]: ticket_key(seed, e["ticket"]) for e in entries}
    chosen = {}

    def earliest_fit(code, size):
        for index, left in enumerate(remaining[code]):
            if left >= size:
                return index
        return None

    def place(entry, code, index, phase):
        remaining[code][index] -= entry["size"]
        chosen[entry["ticket"]] = {"ticket": entry["ticket"], "port": code, "slot": starts[code][index], "phase": phase}

    # Dates compare correctly as YYYY-MM-DD strings.
    phase_one = sorted(entries, key=lambda e: (e["registeredOn"], keys[e["ticket"]], e["ticket"].encode("utf-8")))
    for entry in phase_one:
        for code in entry["ports"]:
            index = earliest_fit(code, entry["size"])
            if used[code] + entry["size"] <= quota[code] and index is not None:
                place(entry, code, index, 1)
                used[code] += entry["size"]
                break

    phase_two = sorted((e for e in entries if e["ticket"] not in chosen),
                       key=lambda e: (keys[e["ticket"]], e["ticket"].encode("utf-8")))
    for entry in phase_two:
        for code in entry["ports"]:
            index = earliest_fit(code, entry["size"])
            if index is not None:
                place(entry, code, index, 2)
                break

    return sorted(chosen.values(), key=by_ticket_bytes)


def beacon_differences(bundle, reveal):
    """The beacon round used must be the one announced, well-formed, and exactly the reveal's beacon."""
    named = bundle["announcement"].get("beacon")
    report = bundle.get("beacon")
    if named is None:
        if report is None:
            return []
        if report["status"] != "notConfigured":
            return [f"beacon: the bundle reports status {report['status']!r}, but the announcement named no beacon round"]
        if reveal["beacon"] != "":
            return ["beacon: the bundle says no beacon was configured, but reveal.beacon is not empty"]
        return []
    if report is None:
        return [f"beacon: the announcement named round {named['round']} of chain {named['chainHash']}, "
                "but the bundle does not say what became of it"]
    differences = []
    if report.get("chainHash") != named["chainHash"] or report.get("round") != named["round"]:
        differences.append(f"beacon: the bundle reports round {report.get('round')} of chain {report.get('chainHash')}, "
                           f"the announcement named round {named['round']} of chain {named['chainHash']}")
    status = report["status"]
    if status == "used":
        randomness = report.get("randomness")
        signature = report.get("signature")
        previous = report.get("previousSignature")
        if randomness is None or not LOWER_HEX_64.fullmatch(randomness):
            differences.append("beacon: randomness must be 64 lowercase hex characters")
        if signature is None or not LOWER_HEX.fullmatch(signature):
            differences.append("beacon: signature must be lowercase hex")
        elif sha256_hex(bytes.fromhex(signature)) != randomness:
            differences.append("beacon: randomness is not SHA-256(signature)")
        if previous and not LOWER_HEX.fullmatch(previous):
            differences.append("beacon: previousSignature must be lowercase hex")
        if reveal["beacon"] != randomness:
            differences.append(f"beacon: reveal.beacon is {reveal['beacon']!r}, but the round's randomness is {randomness}")
    elif status == "unavailable":
        if report.get("reason") not in BEACON_REASONS:
            differences.append(f"beacon: marked unavailable with reason {report.get('reason')!r}, "
                               f"which is none of {', '.join(BEACON_REASONS)}")
        if reveal["beacon"] != "":
            differences.append("beacon: marked unavailable, but reveal.beacon is not empty")
    else:
        differences.append(f"beacon: status {status!r} is not possible for an announced round "
                           f"(expected one of {', '.join(BEACON_STATUSES_FOR_AN_ANNOUNCED_ROUND)})")
    return differences


def beacon_notes(bundle):
    """What an auditor can check by hand beyond this script: the round at drand itself."""
    report = bundle.get("beacon")
    if report is None:
        return []
    if report["status"] == "used":
        return [f"beacon: round {report['round']} of drand chain {report['chainHash']} was used, randomness "
                f"{report['randomness']}; compare with https://api.drand.sh/{report['chainHash']}/public/{report['round']}"]
    if report["status"] == "unavailable":
        return [f"beacon: the announced round {report['round']} of drand chain {report['chainHash']} was NOT used "
                f"({report.get('reason')}); the draw ran with an empty beacon. Check whether "
                f"https://api.drand.sh/{report['chainHash']}/public/{report['round']} was really unavailable"]
    return ["beacon: none was configured; the draw depends on the committed secret alone"]


def describe(result):
    if result is None:
        return "not selected"
    return f"{result['port']} {result['slot']} phase {result['phase']}"


def verify(bundle):
    check_shape(bundle)
    announcement = bundle["announcement"]
    entries = bundle["entries"]
    differences = input_problems(announcement, entries)
    inputs_valid = not differences

    digest = entries_digest(entries)
    if digest != bundle["entriesDigest"]:
        differences.append(f"entriesDigest: bundle says {bundle['entriesDigest']}, recomputed {digest}")

    reveal = bundle.get("reveal")
    if reveal is None:
        differences.append("reveal: missing; the draw has not been run or the secret was not published")
        return differences
    if not LOWER_HEX_64.fullmatch(reveal["secret"]):
        differences.append("reveal: secret is not 64 lowercase hex characters")
        return differences
    secret = bytes.fromhex(reveal["secret"])

    if sha256_hex(secret) != announcement["commitment"]:
        differences.append(f"commitment: SHA-256(secret) is {sha256_hex(secret)}, announcement says {announcement['commitment']}")

    seed = compute_seed(secret, announcement["serviceDate"], digest, reveal["beacon"])
    if seed.hex() != bundle.get("seed"):
        differences.append(f"seed: bundle says {bundle.get('seed')}, recomputed {seed.hex()}")
    differences.extend(beacon_differences(bundle, reveal))

    claimed = bundle.get("results")
    if claimed is None:
        differences.append("results: missing")
        claimed = []
    if not inputs_valid:
        differences.append("results: not recomputed because the inputs are invalid")
        own = results_digest(claimed)
        if own != bundle.get("resultsDigest"):
            differences.append(f"resultsDigest: bundle says {bundle.get('resultsDigest')}, digest of its own results is {own}")
        return differences

    recomputed = allocate(announcement, entries, seed)
    claimed_by_ticket = {}
    for result in claimed:
        if result["ticket"] in claimed_by_ticket:
            differences.append(f"results: ticket {result['ticket']} is listed more than once")
        claimed_by_ticket[result["ticket"]] = result
    recomputed_by_ticket = {r["ticket"]: r for r in recomputed}
    mismatches = []
    for ticket in sorted(set(claimed_by_ticket) | set(recomputed_by_ticket), key=lambda t: t.encode("utf-8")):
        said = claimed_by_ticket.get(ticket)
        expected = recomputed_by_ticket.get(ticket)
        if said is not None:
            said = {k: said[k] for k in ("ticket", "port", "slot", "phase")}
        if said != expected:
            mismatches.append(f"results: ticket {ticket} bundle says {describe(said)}, recomputed {describe(expected)}")
    differences.extend(mismatches[:MAX_LISTED_RESULT_DIFFERENCES])
    if len(mismatches) > MAX_LISTED_RESULT_DIFFERENCES:
        differences.append(f"results: {len(mismatches) - MAX_LISTED_RESULT_DIFFERENCES} more tickets differ")

    expected_digest = results_digest(recomputed)
    if bundle.get("resultsDigest") != expected_digest:
        differences.append(f"resultsDigest: bundle says {bundle.get('resultsDigest')}, recomputed {expected_digest}")
    return differences


def main(argv):
    if len(argv) != 2:
        print("usage: verify-draw-bundle.py FILE|URL", file=sys.stderr)
        return 2
    try:
        bundle = load(argv[1])
        differences = verify(bundle)
    except Unreadable as error:
        print(f"UNREADABLE: {error}")
        return 2
    if not differences:
        print("OK")
        for note in beacon_notes(bundle):
            print(note)
        return 0
    for difference in differences:
        print(difference)
    print(f"FAILED: {len(differences)} difference(s)")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
