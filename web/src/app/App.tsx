// Every address the web app answers. Ids in addresses are opaque; nothing about a child (name,
// date of birth, NHS number) ever goes in one.
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from '../auth/session.tsx';
import { Activate } from '../auth/Activate.tsx';
import { SecondFactorCode } from '../auth/secondFactor/SecondFactorCode.tsx';
import { SetUpAuthenticator } from '../auth/secondFactor/SetUpAuthenticator.tsx';
import { SignIn } from '../auth/SignIn.tsx';
import { SignOut } from '../auth/SignOut.tsx';
import { ChildPage } from '../children/ChildPage.tsx';
import { FindChild } from '../children/FindChild.tsx';
import { ConcernPage } from '../concerns/ConcernPage.tsx';
import { FlagConcern } from '../concerns/FlagConcern.tsx';
import { DisagreementPage } from '../disagreements/DisagreementPage.tsx';
import { DisagreementQueue } from '../disagreements/DisagreementQueue.tsx';
import { RaiseDisagreement } from '../disagreements/RaiseDisagreement.tsx';
import { EncompassNotifications } from '../encompass/EncompassNotifications.tsx';
import { SendEncompass } from '../encompass/SendEncompass.tsx';
import { Dashboard } from '../figures/Dashboard.tsx';
import { AddOrganisation } from '../admin/AddOrganisation.tsx';
import { AddPerson } from '../admin/AddPerson.tsx';
import { EditOrganisation } from '../admin/EditOrganisation.tsx';
import { OrganisationSingleSignOn } from '../admin/OrganisationSingleSignOn.tsx';
import { EditPerson } from '../admin/EditPerson.tsx';
import { Organisations } from '../admin/Organisations.tsx';
import { RagDeadlines } from '../admin/RagDeadlines.tsx';
import { FailedEmails } from '../admin/FailedEmails.tsx';
import { People } from '../admin/People.tsx';
import { LadderEditor } from '../admin/LadderEditor.tsx';
import { PartnershipCalendar } from '../admin/PartnershipCalendar.tsx';
import { MissedClockAlerts } from '../admin/MissedClockAlerts.tsx';
import { ConcernPatternRules } from '../admin/ConcernPatternRules.tsx';
import { SecondFactorPolicy } from '../admin/SecondFactorPolicy.tsx';
import { ReferralQueue } from '../concerns/ReferralQueue.tsx';
import { ConcernPatterns } from '../concerns/ConcernPatterns.tsx';
import { RegisterChild } from '../children/RegisterChild.tsx';
import { Home } from '../home/Home.tsx';
import { EmergencyAccess } from '../governance/EmergencyAccess.tsx';
import { EmergencyAccessList } from '../governance/EmergencyAccessList.tsx';
import { GovernancePeople } from '../governance/GovernancePeople.tsx';
import { InformationGovernance } from '../governance/InformationGovernance.tsx';
import { LiftRestriction } from '../governance/LiftRestriction.tsx';
import { PersonAccessLog } from '../governance/PersonAccessLog.tsx';
import { RestrictRecord } from '../governance/RestrictRecord.tsx';
import { ReviewGrant } from '../governance/ReviewGrant.tsx';
import { AnswerRequest } from '../requests/AnswerRequest.tsx';
import { InformationRequestPage } from '../requests/InformationRequestPage.tsx';
import { RequestInformation } from '../requests/RequestInformation.tsx';
import { SentRequests } from '../requests/SentRequests.tsx';
import { NotificationPreferences } from '../notifications/NotificationPreferences.tsx';
import { NotificationsPage } from '../notifications/NotificationsPage.tsx';
import { DeclineShare } from '../sharing/DeclineShare.tsx';
import { RevokeShare } from '../sharing/RevokeShare.tsx';
import { ShareRecord } from '../sharing/ShareRecord.tsx';
import { NotFound, Permitted, RequireSignIn } from './guards.tsx';
import { can } from './permissions.ts';
import { Layout } from './Layout.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignIn />} />
            <Route path="activate" element={<Activate />} />
            <Route path="sign-in/code" element={<SecondFactorCode key="code" recovery={false} />} />
            <Route path="sign-in/recovery-code" element={<SecondFactorCode key="recovery" recovery />} />
            <Route path="sign-in/set-up-authenticator" element={<SetUpAuthenticator />} />
            <Route element={<RequireSignIn />}>
              <Route index element={<Home />} />
              <Route path="sign-out" element={<SignOut />} />
              <Route path="notifications" element={<NotificationsPage />} />
              <Route path="notifications/preferences" element={<NotificationPreferences />} />
              <Route path="children" element={<Permitted when={can.findChildren}><FindChild /></Permitted>} />
              <Route path="children/new" element={<Permitted when={can.findChildren}><RegisterChild /></Permitted>} />
              {/* The IG lead's child page is the access log (ChildWithheld): they read no record. */}
              <Route path="children/:childId" element={<Permitted when={(v) => can.findChildren(v) || can.governInformation(v)}><ChildPage /></Permitted>} />
              <Route path="children/:childId/emergency-access" element={<Permitted when={can.breakGlass}><EmergencyAccess /></Permitted>} />
              <Route path="children/:childId/restrictions/new" element={<Permitted when={can.restrict}><RestrictRecord /></Permitted>} />
              <Route path="children/:childId/restrictions/:restrictionId/lift" element={<Permitted when={can.restrict}><LiftRestriction /></Permitted>} />
              <Route path="information-governance" element={<Permitted when={can.governInformation}><InformationGovernance /></Permitted>} />
              <Route path="information-governance/emergency-access" element={<Permitted when={can.governInformation}><EmergencyAccessList /></Permitted>} />
              <Route path="information-governance/emergency-access/:grantId" element={<Permitted when={can.governInformation}><ReviewGrant /></Permitted>} />
              <Route path="information-governance/people" element={<Permitted when={can.governInformation}><GovernancePeople /></Permitted>} />
              <Route path="information-governance/people/:userId" element={<Permitted when={can.governInformation}><PersonAccessLog /></Permitted>} />
              <Route path="children/:childId/concerns/new" element={<Permitted when={can.raiseConcern}><FlagConcern /></Permitted>} />
              <Route path="children/:childId/disagreements/new" element={<Permitted when={can.raiseDisagreement}><RaiseDisagreement /></Permitted>} />
              <Route path="children/:childId/information-requests/new" element={<Permitted when={can.requestInformation}><RequestInformation /></Permitted>} />
              <Route path="information-requests" element={<Permitted when={can.requestInformation}><SentRequests /></Permitted>} />
              <Route path="information-requests/request/:requestId" element={<Permitted when={(v) => can.requestInformation(v) || can.answerRequests(v)}><InformationRequestPage /></Permitted>} />
              <Route path="information-requests/:recipientId" element={<Permitted when={(v) => can.requestInformation(v) || can.answerRequests(v)}><AnswerRequest /></Permitted>} />
              <Route path="children/:childId/encompass/new" element={<Permitted when={can.sendEncompass}><SendEncompass /></Permitted>} />
              <Route path="encompass" element={<Permitted when={can.readEncompass}><EncompassNotifications /></Permitted>} />
              <Route path="figures" element={<Permitted when={can.readFigures}><Dashboard /></Permitted>} />
              <Route path="admin/calendar" element={<Permitted when={can.administer}><PartnershipCalendar /></Permitted>} />
              <Route path="admin/ladder" element={<Permitted when={can.administer}><LadderEditor /></Permitted>} />
              <Route path="admin/people" element={<Permitted when={can.administer}><People /></Permitted>} />
              <Route path="admin/people/new" element={<Permitted when={can.administer}><AddPerson /></Permitted>} />
              <Route path="admin/people/:userId" element={<Permitted when={can.administer}><EditPerson /></Permitted>} />
              <Route path="admin/organisations" element={<Permitted when={can.administer}><Organisations /></Permitted>} />
              <Route path="admin/organisations/new" element={<Permitted when={can.administer}><AddOrganisation /></Permitted>} />
              <Route path="admin/organisations/:organisationId" element={<Permitted when={can.administer}><EditOrganisation /></Permitted>} />
              <Route path="admin/organisations/:organisationId/single-sign-on" element={<Permitted when={can.administer}><OrganisationSingleSignOn /></Permitted>} />
              <Route path="admin/rag-deadlines" element={<Permitted when={can.administer}><RagDeadlines /></Permitted>} />
              <Route path="admin/missed-deadlines" element={<Permitted when={can.administer}><MissedClockAlerts /></Permitted>} />
              <Route path="admin/concern-patterns" element={<Permitted when={can.administer}><ConcernPatternRules /></Permitted>} />
              <Route path="admin/authenticator-codes" element={<Permitted when={can.administer}><SecondFactorPolicy /></Permitted>} />
              <Route path="admin/failed-emails" element={<Permitted when={can.administer}><FailedEmails /></Permitted>} />
              <Route path="disagreements" element={<DisagreementQueue />} />
              <Route path="referrals" element={<ReferralQueue />} />
              <Route path="concern-patterns" element={<Permitted when={can.decideReferrals}><ConcernPatterns /></Permitted>} />
              <Route path="disagreements/:disagreementId" element={<DisagreementPage />} />
              <Route path="entries/:entryId" element={<Permitted when={can.findChildren}><ConcernPage /></Permitted>} />
              <Route path="entries/:entryId/share" element={<Permitted when={can.shareRecords}><ShareRecord /></Permitted>} />
              <Route path="entries/:entryId/decline-share" element={<Permitted when={can.shareRecords}><DeclineShare /></Permitted>} />
              <Route path="entries/:entryId/shares/:shareId/revoke" element={<Permitted when={can.shareRecords}><RevokeShare /></Permitted>} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
