import { useMutation } from '@tanstack/react-query';
import type { SegmentDetailDto } from '@hubpulse/contracts';
import { downloadMembersCsv } from '../../api/segments.api';
import { runLabel } from '../../charts/segment-size/segment-size.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { ExportMenu } from '../../charts/shared/export-menu';
import { csvFileName } from '@hubpulse/contracts';
import { saveBlob } from '../../lib/download';
import { formatCount } from '../../lib/format';
import { MembersNotAllowed } from './audiences-notices';
import { memberRolesText } from './segments.transform';

/** Who is in the segment, as a CSV download: for the member roles only, and every export is audited. */
export function MemberExportPanel({ segment, allowed }: { segment: SegmentDetailDto; allowed: boolean }) {
  const exportCsv = useMutation({
    mutationFn: () => downloadMembersCsv(segment.id),
    onSuccess: ({ blob, fileName }) => saveBlob(fileName ?? csvFileName(`segment-${segment.name}-members`, new Date()), blob),
  });
  const computed = segment.membership_version !== null;
  return (
    <ChartPanel
      title="Members"
      description={`Who is in the current membership${segment.computed_at ? `, computed ${runLabel(segment.computed_at)} UTC` : ''}: person id, name, email, department, location and title.`}
      aside={
        allowed && (
          <div className="panel__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => exportCsv.mutate()} disabled={!computed || exportCsv.isPending}>
              {exportCsv.isPending ? 'Preparing…' : 'Export members (CSV)'}
            </button>
            <ExportMenu view="segments.members" params={{ id: segment.id }} what={`members of ${segment.name} in another format`} disabled={!computed} />
          </div>
        )
      }
    >
      {allowed ? (
        <>
          <p className="members-note">
            <strong>Exports are audited.</strong> Each download is written to the audit log with your name, the segment and the membership
            version{segment.size !== null ? ` (${formatCount(segment.size)} people)` : ''}. Member lists are for {memberRolesText()} only; share them
            only as your organisation's data policy allows.
          </p>
          {!computed && <p className="muted">There is no computed membership to export yet.</p>}
          {exportCsv.isError && (
            <p className="form__error" role="alert">
              Could not export: {exportCsv.error instanceof Error ? exportCsv.error.message : 'unknown error'}
            </p>
          )}
          {exportCsv.isSuccess && (
            <p className="panel__note" role="status">
              Downloaded. The export was recorded in the audit log.
            </p>
          )}
        </>
      ) : (
        <MembersNotAllowed />
      )}
    </ChartPanel>
  );
}
