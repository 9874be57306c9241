"""The QR code modules that segno (an independent pure-Python encoder) makes for each case.

Reads a JSON list of cases from standard input, each {"text": str, "version": int or null,
"mask": int or null} (a missing key is null), and writes a JSON list of {"version", "mask", "rows"}: the symbol's
version, its data mask and its modules row by row as strings of 0 (light) and 1 (dark),
without the quiet zone. Byte mode and error correction level M, never raised to a better
level (boost_error=False), never a Micro QR code; null version or mask lets segno choose.
Tests/SinergiServeTests/QRCodeTests.swift compares Sinergi's encoder with it.
"""
import json
import sys

try:
    import segno
except ImportError:
    sys.exit("segno is not installed: `make test` installs it into .venv-notebooks from Notebooks/requirements.txt")

# segno 1.6 pads a bit stream that already ends on a codeword boundary with eight more zero
# bits (a 0x00 codeword before the pad codewords 0xEC 0x11). ISO/IEC 18004:2015 7.4.10 adds
# padding bits only "if the bit stream length is such that it does not end at a codeword
# boundary", and in byte mode the stream after a full terminator always ends on one, so
# every byte-mode symbol of segno would differ from the standard's in its data. The standard's
# rule replaces segno's here; everything else (error correction, placement, masks and their
# penalties, format and version information) is segno's own.
import segno.encoder


def _standard_padding_bits(buff, version, length):
    if version not in (segno.consts.VERSION_M1, segno.consts.VERSION_M3):
        buff.extend([0] * ((8 - length % 8) % 8))


segno.encoder.write_padding_bits = _standard_padding_bits

results = []
for case in json.load(sys.stdin):
    code = segno.make(case["text"], error="m", version=case.get("version"), mask=case.get("mask"), mode="byte",
                      boost_error=False, micro=False)
    results.append({
        "version": code.version,
        "mask": code.mask,
        "rows": ["".join("1" if module else "0" for module in row) for row in code.matrix],
    })
json.dump(results, sys.stdout)
