// A horizontal bar chart drawn as inline SVG, for seeing a table's shape at a glance. It is hidden
// from assistive technology: the captioned table it stands beside is the accessible source of the
// same figures, and the chart names that table so sighted readers know which one it draws.
// GOV.UK blue bars (5.2:1 against white, above the 3:1 WCAG asks of graphics) with GOV.UK text
// colour; each bar's value is written beside it, so nothing is read from length or colour alone.

export interface Bar {
  label: string;
  value: number;
}

/** `max` fixes the scale (100 for percentages); otherwise the largest value fills the width. */
export function BarChart({ of, bars, max, unit = '' }: { of: string; bars: readonly Bar[]; max?: number; unit?: string }) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  if (bars.length === 0 || top === 0) return null;
  return (
    <figure className="app-chart" aria-hidden="true">
      <figcaption className="govuk-body-s app-chart__caption">Chart of the table “{of}”</figcaption>
      {bars.map((bar) => (
        <div className="app-chart__row" key={bar.label}>
          <span className="govuk-body-s app-chart__label">{bar.label}</span>
          <span className="app-chart__track">
            <svg className="app-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              <rect x="0" y="0" height="10" width={Math.max(0, Math.min(100, (bar.value / top) * 100))} fill="#1d70b8" />
            </svg>
            <span className="govuk-body-s app-chart__value">{bar.value}{unit}</span>
          </span>
        </div>
      ))}
    </figure>
  );
}
