import { describe, expect, it } from 'vitest';
import {
  announcementFailureKey,
  announcementKey,
  articleClaimKey,
  articleKey,
  briefKey,
  briefKeys,
  defaultRecipientsKey,
  deliveryFailureKey,
  deliveryKey,
  draftStateKey,
  editionArticlesPrefix,
  editionRejectedPrefix,
  isUploadKey,
  latestKeys,
  legacyRejectedPrefixes,
  legacyRejectionsKey,
  pendingKey,
  recordsSnapshotKey,
  rejectionKey,
  uploadKey,
  uploadName,
} from '../../functions/store/bucket-layout';

/** The keys as README "How it works", "The draft refresh" and "Delivery" spell them. */
describe('the bucket layout', () => {
  const edition = '2026-11-22';

  it('files uploads under incoming/, and only those are ingested', () => {
    expect(uploadKey('forwarded/press release.txt')).toBe('incoming/forwarded/press release.txt');
    expect(uploadName('incoming/forwarded/a.txt')).toBe('forwarded/a.txt');
    expect(isUploadKey('incoming/a.txt')).toBe(true);
    expect(isUploadKey('articles/2026-11-22/a.json')).toBe(false);
    expect(isUploadKey('rejected/incoming/a.txt.json')).toBe(false);
  });

  it('keeps article records, id claims and draft markers under articles/', () => {
    expect(editionArticlesPrefix(edition)).toBe('articles/2026-11-22/');
    expect(articleKey(edition, '0123456789abcdef')).toBe(
      'articles/2026-11-22/0123456789abcdef.json',
    );
    expect(articleClaimKey('0123456789abcdef')).toBe('articles/_ids/0123456789abcdef.json');
    expect(pendingKey(edition)).toBe('articles/_pending/2026-11-22.json');
  });

  it('names a rejection after the edition and the upload it is about', () => {
    expect(rejectionKey(edition, 'incoming/scans/pixel.png')).toBe(
      'rejected/2026-11-22/incoming/scans/pixel.png.json',
    );
    expect(editionRejectedPrefix(edition)).toBe('rejected/2026-11-22/');
  });

  it('keeps the old layout of rejections apart from the editions', () => {
    // An edition is a day, so `rejected/<edition>/` never is one of the old prefixes.
    expect(legacyRejectedPrefixes).toEqual(['rejected/incoming/', 'rejected/_long/']);
    expect(recordsSnapshotKey(edition)).toBe('briefs/2026-11-22/records-snapshot.json');
    expect(legacyRejectionsKey(edition)).toBe('briefs/2026-11-22/legacy-rejections.json');
  });

  it('writes briefs per edition and as latest', () => {
    expect(briefKeys(edition)).toEqual({
      json: 'briefs/2026-11-22/brief.json',
      html: 'briefs/2026-11-22/brief.html',
      pdf: 'briefs/2026-11-22/brief.pdf',
    });
    expect(briefKey(edition, 'pdf')).toBe('briefs/2026-11-22/brief.pdf');
    expect(latestKeys).toEqual({
      json: 'briefs/latest.json',
      html: 'briefs/latest.html',
      pdf: 'briefs/latest.pdf',
    });
    expect(draftStateKey(edition)).toBe('briefs/2026-11-22/draft-state.json');
  });

  it('records deliveries and announcements under deliveries/, recipients under config/', () => {
    expect(deliveryKey(edition, 'central-asia')).toBe('deliveries/2026-11-22/central-asia.json');
    expect(deliveryFailureKey(edition, 'central-asia')).toBe(
      'deliveries/2026-11-22/central-asia.failed.json',
    );
    expect(announcementKey(edition, '0123456789abcdef0123')).toBe(
      'deliveries/2026-11-22/published-0123456789abcdef.json',
    );
    expect(announcementFailureKey(edition)).toBe('deliveries/2026-11-22/published.failed.json');
    expect(defaultRecipientsKey).toBe('config/recipients.yaml');
  });
});
