// An information request and each asked agency's row of it. Which rows a viewer sees is the
// rules' business (requests.rules.ts): the requester sees every agency's answer, an asked agency
// only its own row, never another agency's answer.
import { queryFromInfo } from '@pothos/plugin-prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { OrganisationType } from '../admin/organisation.type.ts';
import { builder } from '../builder.ts';
import { ChildType } from '../children/child.type.ts';
import { InformationRequestStatusEnum, RagEnum } from '../common/enums.ts';
import { organisationById, requestSubjectOf } from '../common/loaders.ts';

interface RequestSubject {
  givenName: string;
  familyName: string;
  dateOfBirth: Date;
  nhsNumber: string | null;
}

// The asked agency may not (yet) read the child's record, but cannot search its own records
// without knowing who the child is: the request carries the identifying details the requester
// chose to send, and nothing else of the record.
const RequestSubjectType = builder.objectRef<RequestSubject>('InformationRequestSubject').implement({
  description: 'Who the request is about: the details an asked agency needs to find its own records.',
  fields: (t) => ({
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    nhsNumber: t.exposeString('nhsNumber', { nullable: true }),
  }),
});

// Both request types select only the columns asked for (a queue page is 25 rows of each).
export const InformationRequestType = builder.prismaNode('InformationRequest', {
  id: { field: 'id' },
  select: { id: true, childId: true },
  description: 'A MASH information request: named agencies asked what they hold on a child, by a RAG deadline.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'Quoted in emails and calls instead of anything about the child.' }),
    rag: t.expose('rag', { type: RagEnum }),
    question: t.exposeString('question'),
    purpose: t.exposeString('purpose'),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: "Set from the partnership's deadline for the RAG rating." }),
    status: t.expose('status', { type: InformationRequestStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    overdue: t.boolean({
      description: 'Still open past its due time.',
      select: { status: true, dueAt: true },
      resolve: (r, _args, ctx) => r.status === 'OPEN' && r.dueAt < ctx.now(),
    }),
    requestingOrganisation: t.field({
      type: OrganisationType,
      select: { requestingOrganisationId: true },
      resolve: (r, _args, ctx) => organisationById(ctx, r.requestingOrganisationId),
    }),
    subject: t.field({
      type: RequestSubjectType,
      select: { childId: true },
      resolve: (r, _args, ctx) => requestSubjectOf(ctx, r.childId),
    }),
    child: t.field({
      type: ChildType,
      nullable: true,
      description: "The child's record, when you may read it (the requester may; an asked agency often may not).",
      select: { childId: true },
      resolve: (r, _args, ctx, info) =>
        ctx.db.child.findFirst({
          ...queryFromInfo({ context: ctx, info, typeName: 'Child' }),
          where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id: r.childId }] },
        }),
    }),
    recipients: t.relation('recipients', {
      description: 'The agencies asked: all of them for the requester, your own organisation only for an asked agency.',
      query: (_args, ctx) => ({
        where: accessibleWhere(abilityOf(ctx), 'read', 'InformationRequestRecipient'),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    }),
  }),
});

export const InformationRequestRecipientType = builder.prismaNode('InformationRequestRecipient', {
  id: { field: 'id' },
  select: { id: true },
  description: 'One agency asked in an information request, and its answer.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationType,
      select: { organisationId: true },
      resolve: (r, _args, ctx) => organisationById(ctx, r.organisationId),
    }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    response: t.exposeString('response', { nullable: true }),
    nothingHeld: t.exposeBoolean('nothingHeld', { nullable: true, description: 'The agency answered that it holds nothing on the child.' }),
    overdue: t.boolean({
      description: 'Not answered, and past its due time.',
      select: { respondedAt: true, dueAt: true },
      resolve: (r, _args, ctx) => r.respondedAt === null && r.dueAt < ctx.now(),
    }),
    request: t.relation('request'),
  }),
});
