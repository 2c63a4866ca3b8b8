/** The title line of a page, with an optional breadcrumb and actions. */
import type { ReactNode } from 'react';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  title: ReactNode;
  crumbs?: ReactNode;
  actions?: ReactNode;
  subtitle?: ReactNode;
}

/** A page's heading. */
export function PageHeader({ title, crumbs, actions, subtitle }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        {crumbs && <nav className="crumbs">{crumbs}</nav>}
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
