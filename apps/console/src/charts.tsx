// Two small SVG charts (no chart library): horizontal bars and a line. Each is a figure with a caption, and
// its values are also in a table screen readers read (the drawing itself is aria-hidden).
import { useId } from 'react';

export interface Datum { label: string; value: number }

function DataTable({ caption, data, valueHeader }: { caption: string; data: Datum[]; valueHeader: string }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{caption}</th><th scope="col">{valueHeader}</th></tr></thead>
      <tbody>{data.map((d) => <tr key={d.label}><th scope="row">{d.label}</th><td>{d.value}</td></tr>)}</tbody>
    </table>
  );
}

export function BarChart({ title, data, valueHeader }: { title: string; data: Datum[]; valueHeader: string }) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 30;
  const labelWidth = 150;
  const width = 420;
  const height = Math.max(row, data.length * row) + 8;
  return (
    <figure className="chart card" aria-labelledby={id}>
      <figcaption id={id}><strong>{title}</strong></figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {data.map((d, i) => {
          const w = ((width - labelWidth - 60) * d.value) / max;
          return (
            <g key={d.label} transform={`translate(0 ${i * row + 4})`}>
              <text x={labelWidth - 6} y={row / 2 + 4} textAnchor="end" fontSize="14" fill="#1b1f24">{d.label.length > 20 ? `${d.label.slice(0, 19)}…` : d.label}</text>
              <rect x={labelWidth} y={3} width={Math.max(w, d.value > 0 ? 2 : 0)} height={row - 8} fill="#0b5cad" />
              <text x={labelWidth + w + 6} y={row / 2 + 4} fontSize="14" fill="#1b1f24">{d.value}</text>
            </g>
          );
        })}
      </svg>
      {data.length === 0 && <p className="muted">—</p>}
      <DataTable caption={title} data={data} valueHeader={valueHeader} />
    </figure>
  );
}

export function LineChart({ title, data, valueHeader }: { title: string; data: Datum[]; valueHeader: string }) {
  const id = useId();
  const width = 420;
  const height = 220;
  const pad = { left: 40, right: 16, top: 16, bottom: 30 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = (i: number) => pad.left + (data.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (data.length - 1));
  const y = (v: number) => height - pad.bottom - (v * (height - pad.top - pad.bottom)) / max;
  const points = data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ');
  return (
    <figure className="chart card" aria-labelledby={id}>
      <figcaption id={id}><strong>{title}</strong></figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        <line x1={pad.left} y1={height - pad.bottom} x2={width - pad.right} y2={height - pad.bottom} stroke="#7d8590" />
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" fontSize="13" fill="#1b1f24">{max}</text>
        <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" fontSize="13" fill="#1b1f24">0</text>
        <polyline points={points} fill="none" stroke="#0b5cad" strokeWidth="2.5" />
        {data.map((d, i) => (
          <g key={d.label}>
            <circle cx={x(i)} cy={y(d.value)} r="4" fill="#0b5cad" />
            <text x={x(i)} y={height - 10} textAnchor="middle" fontSize="13" fill="#1b1f24">{d.label}</text>
          </g>
        ))}
      </svg>
      <DataTable caption={title} data={data} valueHeader={valueHeader} />
    </figure>
  );
}
