// Departments as a circle of nodes, engagements between them as lines (thicker: more); brokers,
// who link departments that would otherwise not meet, are ringed.

export function CollaborationGraph(props: {
  links: { departmentIds: string[]; engagements: number }[];
  names: Map<string, string>;
  brokers: string[];
}) {
  const ids = [...new Set(props.links.flatMap((l) => l.departmentIds))].sort((a, b) =>
    (props.names.get(a) ?? a).localeCompare(props.names.get(b) ?? b),
  );
  const size = 360;
  const centre = size / 2;
  const radius = size / 2 - 70;
  const position = new Map(
    ids.map((id, i) => {
      const angle = (2 * Math.PI * i) / Math.max(ids.length, 1) - Math.PI / 2;
      return [id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle }];
    }),
  );
  const heaviest = Math.max(1, ...props.links.map((l) => l.engagements));
  const label = `Collaboration between ${ids.length} departments: ${props.links
    .slice()
    .sort((a, b) => b.engagements - a.engagements)
    .slice(0, 5)
    .map((l) => `${l.departmentIds.map((id) => props.names.get(id) ?? id).join(" and ")} ${l.engagements}`)
    .join("; ")}`;
  return (
    <svg viewBox={`0 0 ${size} ${size}`} width="100%" style={{ maxWidth: 460 }} role="img" aria-label={label}>
      {props.links.map((l) => {
        const [a, b] = l.departmentIds;
        const from = position.get(a ?? "");
        const to = position.get(b ?? "");
        if (!from || !to) return null;
        return (
          <line key={`${a ?? ""}-${b ?? ""}`} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#4f8fcf" strokeOpacity={0.7} strokeWidth={1 + (6 * l.engagements) / heaviest} />
        );
      })}
      {ids.map((id) => {
        const p = position.get(id);
        if (!p) return null;
        const right = Math.cos(p.angle) >= 0;
        return (
          <g key={id}>
            <circle cx={p.x} cy={p.y} r={7} fill="#0b5fad" stroke={props.brokers.includes(id) ? "#a61b1b" : "#fff"} strokeWidth={3} />
            <text x={p.x + (right ? 10 : -10)} y={p.y + 4} fontSize="11" textAnchor={right ? "start" : "end"} fill="#1b1f24">
              {props.names.get(id) ?? id}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
