#!/usr/bin/env python3
"""Draws the Teams icons with the standard library only: color.png (192x192, full colour) and outline.png
(32x32, white on a transparent background), as the Teams manifest requires."""
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def png(width, height, pixel):
    """pixel(x, y) -> (r, g, b, a); writes 8-bit RGBA (colour type 6)."""
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def ring(x, y, size, outer, inner):
    """Inside an annulus centred in the square: the '1'-in-a-circle mark of OperatorOne."""
    c = (size - 1) / 2
    d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
    return inner <= d <= outer


def one(x, y, size):
    s = size / 32
    return (14.5 * s <= x <= 17.5 * s and 9 * s <= y <= 23 * s) or (12 * s <= x <= 17.5 * s and 9 * s <= y <= 11.5 * s)


def color(x, y):
    if ring(x, y, 192, 80, 62) or one(x, y, 192):
        return (255, 255, 255, 255)
    return (31, 111, 235, 255)


def outline(x, y):
    if ring(x, y, 32, 14.5, 11.5) or one(x, y, 32):
        return (255, 255, 255, 255)
    return (0, 0, 0, 0)


if __name__ == "__main__":
    (HERE / "color.png").write_bytes(png(192, 192, color))
    (HERE / "outline.png").write_bytes(png(32, 32, outline))
