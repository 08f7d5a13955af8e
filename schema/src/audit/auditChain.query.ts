// For the information-governance lead: is the audit trail intact?
import { abilityOf } from '../access/ability.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError } from '../common/failures.ts';
import { recordAudit } from './record.ts';
import { type ChainReport, verifyAuditChain } from './chain.ts';

const ChainReportType = builder.objectRef<ChainReport>('AuditChainReport').implement({
  fields: (t) => ({
    intact: t.boolean({ resolve: (r) => r.firstBrokenSequence === null }),
    checked: t.exposeInt('checked'),
    firstBrokenSequence: t.exposeString('firstBrokenSequence', { nullable: true, description: 'The first row whose hash does not match.' }),
    headHash: t.exposeString('headHash', { description: 'The latest hash: record it elsewhere to detect a rewrite of the whole chain.' }),
  }),
});

builder.queryField('auditChain', (t) =>
  t.field({
    type: ChainReportType,
    errors: { types: [NotAuthorisedError], directResult: true, union: { name: 'AuditChainResult' } },
    resolve: async (_root, _args, ctx) => {
      if (!abilityOf(ctx).can('read', 'AuditEvent')) throw new NotAuthorisedError('Only the information-governance lead can check the audit trail');
      const report = await verifyAuditChain(ctx.db);
      await recordAudit(ctx.db, ctx, { action: 'audit.verify', detail: { intact: report.firstBrokenSequence === null, checked: report.checked } });
      return report;
    },
  }),
);
