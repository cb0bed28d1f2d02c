/** The list-side twin of the graph's dashed vermillion border: a transfer outside the EEA a DPIA must address. */
export function EeaBadge({ outside }: { outside: boolean }) {
  if (!outside) return null;
  return (
    <span className="badge badge--outside-eea" title="Outside the European Economic Area: a transfer under GDPR chapter V">
      outside EEA
    </span>
  );
}

export function CountBadge({ children }: { children: React.ReactNode }) {
  return <span className="badge badge--count">{children}</span>;
}
