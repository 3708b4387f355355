import { Link } from 'react-router';
import { memberRolesText } from './segments.transform';

/** For roles that read the Audiences area but may not change it. */
export function AudiencesOnlyForEditors({ what }: { what: string }) {
  return (
    <div className="notice" role="alert">
      <h2 className="notice__title">Only comms planners and admins can {what}</h2>
      <p>Everyone can read segments, their sizes, composition and channel rates, and the programmes built on them.</p>
      <p>
        <Link to="/audiences">Back to the segments</Link>
      </p>
    </div>
  );
}

/** Why the member list is not offered to this role. */
export function MembersNotAllowed() {
  return (
    <p className="members-note members-note--denied">
      Member lists name people, so only {memberRolesText()} can see or export them. Your role sees the segment's size and composition, with small groups hidden.
    </p>
  );
}
