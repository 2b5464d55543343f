import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { palettePng } from "./png";

/** An RGB PNG of `width` × `height` pixels, each row filtered with `filter` (as Chromium may). */
function rgbPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number], filter = 0): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 3 + 1)] = filter;
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      const left = x > 0 ? pixel(x - 1, y) : [0, 0, 0];
      const value = filter === 1 ? [r - (left[0] ?? 0), g - (left[1] ?? 0), b - (left[2] ?? 0)] : [r, g, b];
      rows.set(value.map((v) => v & 0xff), y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

function chunks(png: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    found.set(png.toString("ascii", offset + 4, offset + 8), png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return found;
}

describe("README screenshots with a palette", () => {
  it("keeps a few flat colours exact, whatever the rows' filter", () => {
    const colours: [number, number, number][] = [[255, 255, 255], [11, 95, 173], [20, 108, 46]];
    for (const filter of [0, 1]) {
      const png = palettePng(rgbPng(4, 2, (x, y) => colours[(x + y) % 3] ?? [0, 0, 0], filter));
      const parts = chunks(png);
      expect(parts.get("IHDR")?.[9]).toBe(3);
      const palette = parts.get("PLTE") ?? Buffer.alloc(0);
      const rows = inflateSync(parts.get("IDAT") ?? Buffer.alloc(0));
      const drawn = [];
      for (let y = 0; y < 2; y += 1) {
        for (let x = 0; x < 4; x += 1) {
          const i = rows[y * 5 + 1 + x] ?? 0;
          drawn.push([...palette.subarray(i * 3, i * 3 + 3)]);
        }
      }
      expect(drawn).toEqual([0, 1, 2, 3, 1, 2, 3, 4].map((n) => colours[n % 3]));
    }
  });

  it("draws a colour beyond the 256 most used as its nearest one", () => {
    // 300 greys: each used once, but black and white fill most of the picture
    const png = palettePng(rgbPng(320, 2, (x, y) => (y === 0 ? (x < 300 ? [x % 256, x % 256, x % 256] : [0, 0, 0]) : [255, 255, 255])));
    const parts = chunks(png);
    expect((parts.get("PLTE")?.length ?? 0) / 3).toBe(256);
    expect(parts.get("IHDR")?.readUInt32BE(0)).toBe(320);
  });
});
