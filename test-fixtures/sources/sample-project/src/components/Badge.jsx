// JSX in a .jsx file.
export function Badge({ label, tone = "neutral", children }) {
  const className = `badge badge--${tone}`;
  return (
    <span className={className} title={label}>
      {children ?? label}
    </span>
  );
}

export const Badges = ({ tags }) => (
  <>
    {tags.map((tag) => (
      <Badge key={tag} label={tag} />
    ))}
  </>
);
