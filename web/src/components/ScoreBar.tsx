import { type ReactNode, useId } from "react";
// A match's score drawn: one segment per requirement it meets (its contribution, coloured by how:
// direct, adjacent, aspiration), and what the exposure rule took off, hatched.
import { percent } from "../lib/format";

export interface Segment {
  label: string;
  how: "DIRECT" | "ADJACENT" | "ASPIRATION";
  contribution: number;
}

const COLOURS = { DIRECT: "#0b5fad", ADJACENT: "#4f8fcf", ASPIRATION: "#6b2fa3" };

export function ScoreBar({ segments, score, exposureFactor }: { segments: Segment[]; score: number; exposureFactor: number }) {
  const hatch = useId();
  const potential = exposureFactor > 0 ? score / exposureFactor : score;
  const lost = Math.max(0, potential - score);
  const description = [
    ...segments.map((s) => `${s.label} ${percent(s.contribution)}`),
    ...(lost > 0.0005 ? [`exposure rule −${percent(lost)}`] : []),
  ].join(", ");
  return (
    <div role="img" aria-label={`Score ${percent(score)}: ${description}`}>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="14" aria-hidden="true">
        <defs>
          <pattern id={hatch} width="2" height="2" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="1" height="2" fill="#a61b1b" />
          </pattern>
        </defs>
        <rect x="0" y="0" width="100" height="8" fill="#e6e9ee" />
        {segments.reduce<{ x: number; nodes: ReactNode[] }>(
          (acc, segment, index) => {
            const width = segment.contribution * 100;
            acc.nodes.push(
              <rect key={index} x={acc.x} y="0" width={width} height="8" fill={COLOURS[segment.how]} stroke="#fff" strokeWidth="0.3" />,
            );
            acc.x += width;
            return acc;
          },
          { x: 0, nodes: [] },
        ).nodes}
        {lost > 0 && <rect x={score * 100} y="0" width={lost * 100} height="8" fill={`url(#${hatch})`} />}
      </svg>
    </div>
  );
}
