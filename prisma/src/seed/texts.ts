// What the demo's concerns, incidents and health contacts say. Invented, short, and written the
// way practitioners write; `{name}` is replaced by the child's given (or preferred) name.
import type { ConcernCategory, FrontDoorDecision } from '../generated/client/client.ts';

export interface CategoryText {
  /** Youngest age (years) the category is plausible for. */
  minAge: number;
  /** Relative frequency among concerns. */
  weight: number;
  summaries: readonly string[];
  narratives: readonly string[];
  childsWords: readonly string[];
}

export const CONCERN_TEXT: Readonly<Record<ConcernCategory, CategoryText>> = {
  PHYSICAL_ABUSE: {
    minAge: 0,
    weight: 10,
    summaries: ['Bruising noticed on upper arm', 'Mark on cheek, explanation inconsistent', 'Disclosed being hit at home', 'Finger-tip bruising on wrist'],
    narratives: [
      '{name} was changing for PE when staff noticed bruising to the upper arm. When asked, {name} said they "fell over" but could not say where.',
      'On arrival {name} had a red mark on the left cheek. Parent said it happened playing with a sibling; {name} later gave a different account to the class teacher.',
      '{name} became upset during a lesson and said an adult at home had hit them with a belt last night.',
    ],
    childsWords: ['Dad gets cross and hits me when I am slow.', "I'm not allowed to say what happened.", 'It was an accident, Mum said to say that.'],
  },
  EMOTIONAL_ABUSE: {
    minAge: 2,
    weight: 7,
    summaries: ['Withdrawn and anxious about going home', 'Parent heard belittling child at collection', 'Child describes being shut in bedroom as punishment'],
    narratives: [
      '{name} has become increasingly withdrawn over the last fortnight and cries at the end of the day, asking to stay in school.',
      'At collection a parent was heard shouting at {name} and calling them stupid and useless in front of other families.',
      '{name} told a lunchtime supervisor they are kept in their bedroom "for days" when they are naughty.',
    ],
    childsWords: ["I don't want to go home tonight.", "Mum says nobody would want me.", 'I have to stay in my room when he is there.'],
  },
  SEXUAL_ABUSE: {
    minAge: 3,
    weight: 3,
    summaries: ['Sexualised behaviour observed', 'Disclosure of inappropriate touching', 'Knowledge beyond age and stage'],
    narratives: [
      'Staff observed sexualised behaviour from {name} in the play area that is not in keeping with age and development.',
      '{name} told a trusted adult that an older relative touches them in a way they do not like. Disclosure recorded verbatim; no leading questions asked.',
    ],
    childsWords: ["He said it's our secret.", "I don't like it when he comes in my room."],
  },
  NEGLECT: {
    minAge: 0,
    weight: 14,
    summaries: ['Arrived hungry, uniform unwashed', 'Repeated head lice and poor hygiene', 'No coat in cold weather; no packed lunch', 'Late collection again, parent not contactable'],
    narratives: [
      '{name} arrived hungry for the third day this week, ate two breakfasts at breakfast club and was wearing the same unwashed clothes as Monday.',
      '{name} has had untreated head lice for several weeks and smells strongly of cigarette smoke; peers have started to comment.',
      'It was near freezing this morning and {name} arrived without a coat or socks. No packed lunch again.',
      '{name} was not collected until 17:40; the parent could not be reached and the emergency contact number is no longer in use.',
    ],
    childsWords: ["There wasn't any food at home.", 'My coat is too small now.', 'Mum was asleep so I got myself ready.'],
  },
  DOMESTIC_ABUSE: {
    minAge: 0,
    weight: 11,
    summaries: ['Describes arguments and police at home', 'Parent arrived with visible injuries', 'Child anxious after weekend incident at home'],
    narratives: [
      '{name} told the class teacher that the police came to the house at the weekend because of shouting and a broken door.',
      "{name}'s mother arrived at drop-off with a black eye and seemed frightened when her partner's car pulled up.",
      '{name} has been unsettled since the weekend and said "Mum\'s boyfriend was throwing things" before quickly changing the subject.',
    ],
    childsWords: ['I hid under the bed with my little sister.', 'He pushed Mum into the wall.', 'The police came and took him away.'],
  },
  CHILD_SEXUAL_EXPLOITATION: {
    minAge: 10,
    weight: 4,
    summaries: ['Older adult seen collecting child after school', 'New phone and gifts from unknown source', 'Going to parties with adults'],
    narratives: [
      'An adult male in his twenties has collected {name} from the school gate three times this week in different cars.',
      '{name} has a new phone, expensive trainers and vapes; says a "friend" bought them and becomes defensive when asked who.',
    ],
    childsWords: ["He's my boyfriend, he's only 22.", "It's just a party, everyone goes."],
  },
  CHILD_CRIMINAL_EXPLOITATION: {
    minAge: 10,
    weight: 5,
    summaries: ['Found carrying a large sum of cash', 'Unexplained absences and new older associates', 'Train tickets to other towns found in bag'],
    narratives: [
      '{name} was found with over £300 in cash and two phones; would not explain where they came from.',
      '{name} has had unexplained half-day absences and has been seen with older young people not known to the school.',
    ],
    childsWords: ['I owe them, I have to do it.', "If I don't go they'll hurt my brother."],
  },
  RADICALISATION: {
    minAge: 10,
    weight: 1,
    summaries: ['Expressed extremist views in class', 'Sharing concerning material online'],
    narratives: [
      '{name} made repeated statements in class supporting violence against a particular group and showed peers a video on their phone.',
      'Staff were made aware that {name} has been sharing extremist material in a group chat with other students.',
    ],
    childsWords: ['They deserve what happens to them.'],
  },
  FGM: {
    minAge: 4,
    weight: 1,
    summaries: ['Spoke of a long trip abroad for a special ceremony'],
    narratives: [
      '{name} told a friend, who told staff, that she is going abroad for the whole summer for a "special ceremony to become a woman".',
    ],
    childsWords: ['Auntie says I will be a big girl after the ceremony.'],
  },
  ONLINE_SAFETY: {
    minAge: 7,
    weight: 7,
    summaries: ['Sharing images with an unknown adult online', 'Bullied on a group chat', 'Contact from an adult through a game'],
    narratives: [
      '{name} disclosed that an online "friend" they met through a game asked for pictures and has threatened to share them.',
      '{name} is being targeted on a class group chat; messages include threats and a manipulated image.',
    ],
    childsWords: ['He said he would send them to everyone.', "I can't stop them, they're everywhere."],
  },
  MENTAL_HEALTH: {
    minAge: 6,
    weight: 9,
    summaries: ['Low mood and tearfulness most days', 'Spoke of feeling hopeless', 'Panic attacks in lessons'],
    narratives: [
      '{name} has been tearful most days for several weeks, is not eating at lunch and has stopped attending after-school club.',
      '{name} told the form tutor that "nothing is ever going to get better" and that they cannot sleep.',
    ],
    childsWords: ["What's the point?", "I just feel empty all the time."],
  },
  SELF_HARM: {
    minAge: 10,
    weight: 6,
    summaries: ['Cuts noticed on forearm', 'Disclosed self-harm', 'Friends worried about messages'],
    narratives: [
      'Fresh cuts noticed on {name}\'s forearm during science. First aid given; {name} said they had been cutting for a month.',
      "{name}'s friends brought messages to staff in which {name} talks about hurting themselves.",
    ],
    childsWords: ['It helps me feel something.', "Please don't tell my mum."],
  },
  MISSING_FROM_EDUCATION: {
    minAge: 4,
    weight: 5,
    summaries: ['Not seen for three weeks, no contact from parent', 'Removed from roll with no destination', 'Persistent unexplained absence'],
    narratives: [
      '{name} has not attended for three weeks. Home visit made: no answer, curtains closed. Phone numbers unobtainable.',
      '{name} was removed from roll by the parent "to home educate" but no destination was given and the family has not been seen.',
    ],
    childsWords: [],
  },
  MISSING_FROM_HOME: {
    minAge: 8,
    weight: 4,
    summaries: ['Reported missing overnight', 'Says they stayed out all night', 'Missing episode over the weekend'],
    narratives: [
      'Parent phoned to say {name} did not come home last night and was found by police this morning in a neighbouring town.',
      '{name} arrived tired and said they had been out all night with friends; would not say where they stayed.',
    ],
    childsWords: ["I just didn't want to be there.", "Nobody noticed I was gone anyway."],
  },
  OTHER: {
    minAge: 0,
    weight: 5,
    summaries: ['Young carer struggling to cope', 'New adult living in the household', 'Parent under the influence at collection'],
    narratives: [
      '{name} looks after a parent with a serious illness and is often late and exhausted; homework is never completed.',
      '{name} mentioned a new adult has moved in at home. A parent later asked staff not to discuss this with anyone.',
      'A parent arrived to collect {name} appearing to be under the influence of alcohol; another adult collected instead.',
    ],
    childsWords: ['I have to do everything at home.', "I'm not supposed to talk about him."],
  },
};

/** Partnership categories, carried as `customCategories` next to a national one. */
export const CUSTOM_CONCERNS: readonly {
  code: string;
  withCategory: ConcernCategory;
  minAge: number;
  summary: string;
  narrative: string;
}[] = [
  {
    code: 'PRIVATE_FOSTERING',
    withCategory: 'OTHER',
    minAge: 4,
    summary: 'Living with a family friend for over a month',
    narrative:
      '{name} has been living with a family friend for six weeks while the parent works abroad. No notification appears to have been made to the local authority.',
  },
  {
    code: 'COUNTY_LINES',
    withCategory: 'CHILD_CRIMINAL_EXPLOITATION',
    minAge: 12,
    summary: 'Suspected county lines involvement',
    narrative:
      '{name} was stopped by British Transport Police two counties away, on a school day, carrying a phone with a "line" name saved.',
  },
];

export const ACTIONS = [
  'Discussed with the DSL; parent not contacted pending advice from the front door.',
  'Body map completed and DSL informed immediately.',
  'Called the front door for consultation; advised to monitor and record.',
  'Daily check-in with a key adult arranged; class teacher aware.',
  'Parent spoken to at collection; explanation recorded.',
  'Early help assessment offered to the family.',
  'School nurse drop-in booked.',
] as const;

export const REFERRAL_ACTION = 'Referral made to children\'s social care; front door informed by phone.';

export const DECISION_RATIONALE: Readonly<Record<FrontDoorDecision, readonly string[]>> = {
  NO_FURTHER_ACTION: ['Information does not meet the threshold for social care involvement; school to continue monitoring.'],
  ADVICE_OR_SIGNPOSTING: ['Advice given to the referrer; family signposted to the parenting support service.'],
  EARLY_HELP: ['Needs can be met by a targeted early help offer with the family\'s consent.'],
  SECTION_17_ASSESSMENT: ['Child may be in need; a child and family assessment under section 17 will be completed.'],
  STRATEGY_DISCUSSION_SECTION_47: ['Reasonable cause to suspect significant harm: strategy discussion convened with police and health.'],
  IMMEDIATE_PROTECTIVE_ACTION: ['Child at immediate risk: police and social care attended the same day; child placed with safe family member.'],
};

export const POLICE_INCIDENTS: readonly { summary: string; detail: string; categories: ConcernCategory[] }[] = [
  {
    summary: 'Domestic incident at the home address; child present',
    detail: 'Officers attended a report of shouting and damage. Adult male arrested for assault. Child was in the property. DASH risk assessment: high.',
    categories: ['DOMESTIC_ABUSE'],
  },
  {
    summary: 'Child reported missing and found',
    detail: 'Reported missing by parent at 23:10; located at 04:30 at an address known for drug supply. Return home interview requested.',
    categories: ['MISSING_FROM_HOME'],
  },
  {
    summary: 'Child stopped with older males in a vehicle',
    detail: 'Vehicle stopped on the ring road; child with two adult males known for supply offences. Intelligence submitted.',
    categories: ['CHILD_CRIMINAL_EXPLOITATION'],
  },
  {
    summary: 'Public protection notice submitted',
    detail: 'Officers attended a concern for welfare call; the home was in very poor condition with no food. PPN submitted to the MASH.',
    categories: ['NEGLECT'],
  },
];

/** `by`: the role that records it; HV_OR_GP is the health visitor for under-5s, else the GP. */
export const HEALTH_CONTACTS: readonly {
  summary: string;
  detail: string;
  categories: ConcernCategory[];
  minAge: number;
  maxAge: number;
  by: 'HEALTH_VISITOR' | 'SCHOOL_NURSE' | 'GP' | 'NAMED_NURSE' | 'HV_OR_GP';
}[] = [
  {
    summary: 'Health visitor home visit: concerns about home conditions',
    detail: 'Home cluttered and cold; baby sleeping in a car seat. Safe sleep advice given; follow-up visit booked.',
    categories: ['NEGLECT'],
    minAge: 0,
    maxAge: 4,
    by: 'HEALTH_VISITOR',
  },
  {
    summary: 'Was not brought to two health appointments',
    detail: 'Two missed appointments (immunisations, developmental review). Parent not answering calls. GP informed.',
    categories: ['NEGLECT'],
    minAge: 0,
    maxAge: 17,
    by: 'HV_OR_GP',
  },
  {
    summary: 'Attended the emergency department with a head injury',
    detail: 'Attended ED at 22:15 with a scalp laceration; explanation of a fall from a sofa. Late presentation. Paediatric review completed.',
    categories: ['PHYSICAL_ABUSE'],
    minAge: 0,
    maxAge: 17,
    by: 'NAMED_NURSE',
  },
  {
    summary: 'School nurse drop-in: low mood disclosed',
    detail: 'Young person attended drop-in and disclosed low mood and poor sleep. Referred to the emotional health service.',
    categories: ['MENTAL_HEALTH'],
    minAge: 10,
    maxAge: 17,
    by: 'SCHOOL_NURSE',
  },
  {
    summary: 'GP consultation: unexplained bruising noted',
    detail: 'Seen for a chest infection; bruising of differing ages noted on the back. Safeguarding lead consulted.',
    categories: ['PHYSICAL_ABUSE'],
    minAge: 0,
    maxAge: 17,
    by: 'GP',
  },
];

/** Concerns an early help practitioner refers to the front door when support is not enough. */
export const EARLY_HELP_CONCERNS: readonly { summary: string; narrative: string; categories: ConcernCategory[] }[] = [
  {
    summary: 'Family has stopped engaging with early help; concerns rising',
    narrative: 'Third missed home visit. Neighbours report shouting most nights; {name} has not been seen at the family hub for a month.',
    categories: ['NEGLECT', 'DOMESTIC_ABUSE'],
  },
  {
    summary: 'Disclosure during a family support session',
    narrative: '{name} said during a session that an adult at home hits them "when he is drunk". Parent not told, on the front door\'s advice.',
    categories: ['PHYSICAL_ABUSE'],
  },
];
