#!/usr/bin/env python3
"""Writes the seed corpus of the libFuzzer targets (test/fuzz/corpus/<target>/<name>) in the argument encoding
fuzz_input.hpp decodes: SQL calls with their defaults, the documented edge values, and the rejections each
function must make. Run once after changing a target's decoding: python3 test/fuzz/make_corpus.py"""

import datetime
import pathlib
import shutil
import struct

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"
POSTGRES_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)

PATTERNS = ["liquidity_crunch", "link_burst", "ato", "bust_out", "sleeper_ato"]
COUNTRIES = ["United States", "United Kingdom", "Germany", "France", "China", "Japan", "India", "Canada",
             "Australia", "Brazil", "Russia", "South Korea", "Mexico", "Spain", "Italy", "Netherlands",
             "Indonesia", "Saudi Arabia", "Turkey", "Taiwan", "Belgium", "Argentina", "Thailand", "Israel",
             "Poland", "Nigeria"]

DEFAULT = b"\x00"  # the parameter's SQL default (NULL where that is the default)


def bigint(value):
    return b"\x03" + struct.pack("<q", value)


def float8(value):
    return b"\x03" + struct.pack("<d", value)


def boolean(value):
    return bytes([1 if value else 0])


def postgres_timestamp(micros):
    """A timestamptz as PostgreSQL stores it: microseconds since 2000-01-01 (the int64 extremes: infinities)."""
    return b"\x03" + struct.pack("<q", micros)


def timestamptz(text):
    """'YYYY-MM-DD HH:MM:SS[.ffffff]' in UTC."""
    moment = datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc)
    delta = moment - POSTGRES_EPOCH
    return postgres_timestamp((delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds)


def text(value):
    raw = value.encode() if isinstance(value, str) else value
    return b"\x02" + bytes([len(raw)]) + raw


def name(names, value):
    return b"\x01" + bytes([names.index(value)])


NULL_ELEMENT = b"\x00"


def array(elements):
    return bytes([1 | len(elements) << 2]) + b"".join(elements)


def card_state(card, last_ts, ip, country):
    a, b, c, d = (int(part) for part in ip.split("."))
    return (b"\x01" + bigint(card) + timestamptz(last_ts) + struct.pack("<Q", a << 24 | b << 16 | c << 8 | d) +
            country)


def user_world(n=DEFAULT, fraud_rate=DEFAULT, seed=DEFAULT, simulation_date=DEFAULT, legacy=None,
               patterns=DEFAULT, first_user=DEFAULT, world_size=DEFAULT, split=5):
    return (n + fraud_rate + seed + simulation_date + (DEFAULT if legacy is None else boolean(legacy)) + patterns +
            first_user + world_size + bytes([split]))


def graph_world(n=DEFAULT, seed=DEFAULT, simulation_date=DEFAULT, device_rings=DEFAULT, ip_clusters=DEFAULT,
                kiting_cycles=DEFAULT, kiting_cycle_length=DEFAULT, first_user=DEFAULT, world_size=DEFAULT, split=3):
    return (n + seed + simulation_date + device_rings + ip_clusters + kiting_cycles + kiting_cycle_length +
            first_user + world_size + bytes([split]))


def card_world(seed=DEFAULT, merchants=DEFAULT, banks=DEFAULT, accounts=DEFAULT, cards=DEFAULT,
               window_start=DEFAULT, window_end=DEFAULT):
    return seed + merchants + banks + accounts + cards + window_start + window_end


def transactions(rows=DEFAULT, world=None, tid_offset=DEFAULT, first_card=DEFAULT, card_count=DEFAULT,
                 period_start=DEFAULT, period_end=DEFAULT, card_states=DEFAULT, split=1):
    return (rows + (world or card_world()) + tid_offset + first_card + card_count + period_start + period_end +
            card_states + bytes([split]))


def fraud(legit_rows=DEFAULT, fraud_rate=DEFAULT, chain_attack_ratio=DEFAULT, world=None, tid_offset=DEFAULT,
          period_start=DEFAULT, period_end=DEFAULT):
    return (legit_rows + fraud_rate + chain_attack_ratio + (world or card_world()) + tid_offset + period_start +
            period_end)


MERCHANTS, BANKS, ACCOUNTS, CARDS = (bytes([kind]) for kind in range(4))


def simple_entity(kind, n=DEFAULT, seed=DEFAULT, window_end=DEFAULT, first=DEFAULT):
    return kind + n + seed + window_end + first


def card_entities(n=DEFAULT, seed=DEFAULT, accounts=DEFAULT, banks=DEFAULT, window_start=DEFAULT, window_end=DEFAULT,
                  first=DEFAULT):
    return CARDS + n + seed + accounts + banks + window_start + window_end + first


SEEDS = {
    "fuzz_user_world": {
        "defaults": b"",
        "every_pattern": user_world(bigint(40), float8(0.5), bigint(7), split=17),
        "legacy": user_world(bigint(20), float8(0.25), bigint(1), legacy=True),
        "all_fraud_fractional_date": user_world(bigint(12), float8(1.0), bigint(3),
                                                timestamptz("2026-01-01 00:00:00.500001")),
        "last_chunk_of_largest_world": user_world(bigint(12), float8(0.05), bigint(-1), first_user=bigint(10**12 - 12),
                                                  world_size=bigint(10**12)),
        "one_user_of_a_world": user_world(bigint(1), float8(0.5), bigint(INT64_MIN), first_user=bigint(3),
                                          world_size=bigint(8)),
        "two_patterns": user_world(bigint(30), float8(0.3), bigint(11),
                                   patterns=array([name(PATTERNS, "ato"), name(PATTERNS, "sleeper_ato")])),
        "no_patterns_no_fraud": user_world(bigint(5), float8(0.0), patterns=array([])),
        "earliest_date": user_world(bigint(10), float8(0.2), simulation_date=timestamptz("1900-01-01 00:00:00")),
        "latest_date": user_world(bigint(10), float8(0.2), simulation_date=timestamptz("9999-12-31 23:59:59")),
        "reject_negative_n": user_world(bigint(-1)),
        "reject_nan_rate": user_world(bigint(5), float8(float("nan"))),
        "reject_rate_above_one": user_world(bigint(5), float8(1.0000001)),
        "reject_no_patterns": user_world(bigint(5), float8(0.5), patterns=array([])),
        "reject_duplicate_pattern": user_world(bigint(5), patterns=array([name(PATTERNS, "ato"),
                                                                          name(PATTERNS, "ato")])),
        "reject_unknown_pattern": user_world(bigint(5), patterns=array([text("ATO")])),
        "reject_null_pattern": user_world(bigint(5), patterns=array([NULL_ELEMENT])),
        "reject_outside_world": user_world(bigint(10), first_user=bigint(5), world_size=bigint(14)),
        "reject_first_user_max": user_world(bigint(1), first_user=bigint(INT64_MAX)),
        "reject_date_before_1900": user_world(bigint(1), simulation_date=timestamptz("1899-12-31 23:59:59.999999")),
        "reject_date_year_294250": user_world(bigint(1), simulation_date=postgres_timestamp(9_222_500_000_000_000_000)),
        "reject_infinite_date": user_world(bigint(1), simulation_date=postgres_timestamp(INT64_MAX)),
    },
    "fuzz_graph_world": {
        "defaults": graph_world(bigint(100)),
        "small_world": graph_world(bigint(40), bigint(5), device_rings=bigint(1), ip_clusters=bigint(1),
                                   kiting_cycles=bigint(1), world_size=bigint(40), split=11),
        "longest_cycles": graph_world(bigint(12), bigint(9), kiting_cycles=bigint(3), kiting_cycle_length=bigint(64),
                                      first_user=bigint(100), world_size=bigint(400)),
        "last_chunk_of_largest_world": graph_world(bigint(12), bigint(-7), device_rings=bigint(100),
                                                   ip_clusters=bigint(100), kiting_cycles=bigint(100),
                                                   first_user=bigint(10**12 - 12), world_size=bigint(10**12)),
        "reject_drawn_structures_exceed_world": graph_world(bigint(25), bigint(2)),
        "earliest_date": graph_world(bigint(80), simulation_date=timestamptz("1900-01-01 00:00:00")),
        "many_structures_validated_only": graph_world(bigint(10), device_rings=bigint(10**6), ip_clusters=bigint(10**6),
                                                      kiting_cycles=bigint(10**6), kiting_cycle_length=bigint(64),
                                                      world_size=bigint(10**12)),
        "reject_cycle_length_2": graph_world(bigint(100), kiting_cycle_length=bigint(2)),
        "reject_cycle_length_65": graph_world(bigint(100), kiting_cycle_length=bigint(65)),
        "reject_negative_rings": graph_world(bigint(100), device_rings=bigint(-1)),
        "reject_structures_too_many": graph_world(bigint(100), device_rings=bigint(10**6 + 1)),
        "reject_world_too_small": graph_world(bigint(10)),
    },
    "fuzz_card_entities": {
        "merchants_defaults": MERCHANTS,
        "banks_defaults": BANKS,
        "accounts_defaults": ACCOUNTS,
        "cards_defaults": CARDS,
        "merchants_window_end_1900": simple_entity(MERCHANTS, bigint(3), bigint(1), timestamptz("1900-01-01 00:00:00")),
        "banks_window_end_1900": simple_entity(BANKS, bigint(3), bigint(1), timestamptz("1900-01-01 00:00:00")),
        "accounts_window_end_9999": simple_entity(ACCOUNTS, bigint(3), bigint(1), timestamptz("9999-12-31 23:59:59")),
        "last_merchants": simple_entity(MERCHANTS, bigint(10), bigint(5), first=bigint(99_999_990)),
        "cards_latest_window": card_entities(bigint(20), bigint(3), bigint(1), bigint(1),
                                             timestamptz("9999-12-01 00:00:00"), timestamptz("9999-12-31 23:59:59")),
        "cards_one_microsecond_window": card_entities(bigint(20), bigint(4), window_start=timestamptz(
            "2025-12-31 23:59:59.999999")),
        "reject_past_last_identifier": simple_entity(BANKS, bigint(11), first=bigint(99_999_990)),
        "reject_first_plus_n_overflows": simple_entity(MERCHANTS, DEFAULT, first=bigint(INT64_MAX - 1)),
        "reject_window_end_before_1900": simple_entity(ACCOUNTS, bigint(1), window_end=timestamptz(
            "1899-12-31 23:59:59.999999")),
        "reject_cards_reversed_window": card_entities(bigint(1), window_start=timestamptz("2026-01-02 00:00:00")),
        "reject_cards_no_accounts": card_entities(bigint(1), accounts=bigint(0)),
    },
    "fuzz_card_transactions": {
        "defaults": b"",
        "small_world_chunk": transactions(bigint(200), card_world(bigint(9), bigint(5), bigint(3), bigint(4), bigint(7)),
                                          bigint(1000), bigint(2), bigint(3), split=2),
        "incremental_with_states": transactions(
            bigint(60), card_world(bigint(1), bigint(2), bigint(2), bigint(3), bigint(6)), DEFAULT, DEFAULT, DEFAULT,
            timestamptz("2026-01-01 00:00:00"), timestamptz("2026-01-08 00:00:00"),
            array([card_state(0, "2025-12-31 23:00:00", "8.8.8.8", name(COUNTRIES, "United States")),
                   card_state(1, "2025-12-31 22:00:00", "41.0.0.1", name(COUNTRIES, "Nigeria")),
                   card_state(4, "2025-12-31 23:59:59", "192.168.1.1", name(COUNTRIES, "Japan"))])),
        "one_card_huge_allocation": transactions(bigint(10**12), card_world(cards=bigint(1))),
        "no_rows": transactions(bigint(0)),
        "one_microsecond_period": transactions(bigint(50), card_world(cards=bigint(3)),
                                               period_start=timestamptz("2025-12-31 23:59:59.999999"),
                                               period_end=timestamptz("2026-01-01 00:00:00")),
        "largest_tid_offset": transactions(bigint(100), card_world(cards=bigint(10)), bigint(INT64_MAX - 100)),
        "reject_tid_offset_overflow": transactions(bigint(100), card_world(cards=bigint(10)), bigint(INT64_MAX - 99)),
        "reject_period_end_before_window_end": transactions(period_end=timestamptz("2025-12-31 00:00:00")),
        "reject_duplicate_state": transactions(bigint(10), card_world(cards=bigint(4)), card_states=array(
            [card_state(1, "2025-11-01 00:00:00", "8.8.8.8", name(COUNTRIES, "Canada")),
             card_state(1, "2025-11-02 00:00:00", "8.8.8.9", name(COUNTRIES, "Canada"))])),
        "reject_state_after_period_start": transactions(bigint(10), card_world(cards=bigint(4)), card_states=array(
            [card_state(0, "2025-12-02 00:00:00", "8.8.8.8", name(COUNTRIES, "France"))])),
        "reject_unknown_country": transactions(bigint(10), card_states=array(
            [card_state(0, "2025-11-01 00:00:00", "8.8.8.8", text("Atlantis"))])),
        "reject_card_count_outside_world": transactions(bigint(10), card_world(cards=bigint(4)), DEFAULT, bigint(3),
                                                        bigint(2)),
    },
    "fuzz_card_fraud": {
        "defaults": b"",
        "exact_decimal_floor": fraud(bigint(100), float8(0.29), float8(0.5), card_world(bigint(3))),
        "geographic_only": fraud(bigint(1000), float8(0.01), float8(0.0)),
        "one_merchant_no_pairs": fraud(bigint(1000), float8(0.02), float8(0.5), card_world(merchants=bigint(1))),
        "two_merchants_fallback_pairs": fraud(bigint(400), float8(0.05), float8(0.3), card_world(bigint(8), bigint(2))),
        "chain_attacks_in_two_hours": fraud(bigint(300), float8(0.1), float8(1.0), card_world(
            window_start=timestamptz("2025-12-31 22:00:00"))),
        "geographic_just_over_an_hour": fraud(bigint(300), float8(0.1), float8(0.0), card_world(
            window_start=timestamptz("2025-12-31 22:59:59.999999"))),
        "largest_fraud": fraud(bigint(10**12), float8(1.0), float8(0.9)),
        "explicit_tid_offset": fraud(bigint(500), float8(0.02), tid_offset=bigint(123456789)),
        "reject_geographic_in_an_hour": fraud(bigint(300), float8(0.1), float8(0.0), card_world(
            window_start=timestamptz("2025-12-31 23:00:00"))),
        "reject_nan_rate": fraud(fraud_rate=float8(float("nan"))),
        "reject_ratio_above_one": fraud(chain_attack_ratio=float8(1.0000001)),
        "reject_tid_offset_overflow": fraud(bigint(10**12), float8(1.0), tid_offset=bigint(INT64_MAX - 10**12 + 2)),
    },
    "fuzz_names": {
        "pattern_names": b"".join(name(PATTERNS, p) for p in PATTERNS),
        "duplicates_and_unknown": (name(PATTERNS, "ato") + name(PATTERNS, "ato") + text("unknown") +
                                   name(PATTERNS, "bust_out")),
        "country_names": b"".join(name(PATTERNS + COUNTRIES, c) for c in COUNTRIES[:6]),
        "near_names": text("ato ") + text("Ato") + text("sleeper_at") + text("United  States") + text(""),
        "long_and_binary_text": text("x" * 255) + text(bytes(range(1, 256))[:200]),
    },
    "fuzz_bounds": {
        "defaults": b"",
        "largest_world": (bigint(10**12) + bigint(0) + DEFAULT + timestamptz("9999-12-31 23:59:59") + DEFAULT +
                          DEFAULT + DEFAULT + bigint(INT64_MAX - 500000) + DEFAULT + bigint(10**12) + float8(1.0) +
                          float8(0.9)),
        "chunk_past_world": bigint(10) + bigint(10**12 - 5) + DEFAULT + timestamptz("1900-01-01 00:00:00"),
        "period_edges": (bigint(1) + bigint(0) + bigint(1) + DEFAULT + timestamptz("2026-01-01 00:00:00") +
                         timestamptz("2025-12-31 23:59:59.999999") + timestamptz("2026-01-01 00:00:00")),
    },
}


def main():
    for target, seeds in SEEDS.items():
        directory = CORPUS / target
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        for seed_name, data in seeds.items():
            (directory / seed_name).write_bytes(data)
        print(f"{target}: {len(seeds)} inputs")


if __name__ == "__main__":
    main()
