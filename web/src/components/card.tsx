/** A titled panel; every page is a grid of these. */
import type { ReactNode } from 'react';

/** Props of {@link Card}. */
export interface CardProps {
  title?: ReactNode;
  /** Right side of the title bar (buttons, a legend). */
  actions?: ReactNode;
  children: ReactNode;
  /** Grid span: `wide` takes the full row (every card does on a tablet). */
  span?: 'wide' | 'half' | 'third' | 'two-thirds';
  testId?: string;
}

/** A card with an optional title bar. */
export function Card({ title, actions, children, span = 'wide', testId }: CardProps) {
  return (
    <section className={`card span-${span}`} data-testid={testId}>
      {(title || actions) && (
        <header className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
