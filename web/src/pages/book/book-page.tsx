/**
 * The book overview: headline figures, assets by model, the drift distribution and how much
 * of the gain budgets is used — what the central team reads before deciding to run.
 */
import { getBook } from '../../api/book-api';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { PageHeader } from '../../components/page-header';
import { date } from '../../format/format';
import { useResource } from '../../hooks/use-resource';
import { BookCharts } from './book-charts';
import { BookKpis } from './book-kpis';
import { ModelTable } from './model-table';

/** `/book`. */
export function BookPage() {
  const { data, error, loading } = useResource(getBook, 'book');
  return (
    <>
      <PageHeader
        title="Book overview"
        subtitle={data?.asOf ? `Prices as of ${date(data.asOf)}` : undefined}
      />
      <ErrorBanner error={error} />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <div className="grid">
          <BookKpis book={data} />
          <BookCharts book={data} />
          <Card title="By model">
            <ModelTable book={data} />
          </Card>
        </div>
      )}
    </>
  );
}
