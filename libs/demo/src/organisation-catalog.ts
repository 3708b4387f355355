/** The fixed vocabulary of the demo company "Alderbank": departments, titles, places, names. */

export const COMPANY_DOMAIN = 'alderbank.example';

interface DepartmentSpec {
  name: string;
  slug: string;
  /** Share of the headcount. */
  share: number;
  executiveTitle: string;
  directorTitles: readonly string[];
  managerTitles: readonly string[];
  /** Individual-contributor titles with their relative frequency. */
  titles: readonly (readonly [string, number])[];
  /**
   * Engagement multiplier at the end of the window relative to its start (1 = flat). Several
   * departments rise so the dashboard has a trend to show; Legal cools off slightly.
   */
  trend: number;
  /** Documents shared per person per working day. */
  docRate: number;
  /** Task updates per person per working day. */
  taskRate: number;
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering', slug: 'engineering', share: 0.22, executiveTitle: 'Chief Technology Officer',
    directorTitles: ['Director of Engineering', 'Director of Platform Engineering', 'Director of Quality Engineering'],
    managerTitles: ['Engineering Manager', 'Senior Engineering Manager'],
    titles: [['Software Engineer', 30], ['Senior Software Engineer', 25], ['Staff Engineer', 6], ['QA Engineer', 8], ['DevOps Engineer', 7], ['Site Reliability Engineer', 6], ['Data Engineer', 6], ['Engineering Intern', 2]],
    trend: 1.35, docRate: 0.025, taskRate: 1.12,
  },
  {
    name: 'Sales', slug: 'sales', share: 0.18, executiveTitle: 'Chief Revenue Officer',
    directorTitles: ['Regional Sales Director', 'Director of Enterprise Sales', 'Director of Sales Operations'],
    managerTitles: ['Sales Manager', 'Regional Sales Manager'],
    titles: [['Account Executive', 30], ['Senior Account Executive', 15], ['Sales Development Representative', 22], ['Solutions Consultant', 10], ['Sales Operations Analyst', 6], ['Key Account Manager', 8]],
    trend: 1.7, docRate: 0.03, taskRate: 0.35,
  },
  {
    name: 'Operations', slug: 'operations', share: 0.14, executiveTitle: 'Chief Operating Officer',
    directorTitles: ['Director of Operations', 'Director of Supply Chain', 'Director of Facilities'],
    managerTitles: ['Operations Manager', 'Logistics Manager', 'Facilities Manager'],
    titles: [['Operations Analyst', 22], ['Operations Specialist', 25], ['Logistics Coordinator', 15], ['Supply Chain Planner', 12], ['Procurement Specialist', 10], ['Facilities Coordinator', 6]],
    trend: 1.0, docRate: 0.025, taskRate: 0.7,
  },
  {
    name: 'Customer Success', slug: 'customer-success', share: 0.12, executiveTitle: 'VP Customer Success',
    directorTitles: ['Director of Customer Success', 'Director of Support'],
    managerTitles: ['Customer Success Manager, Team Lead', 'Support Manager'],
    titles: [['Customer Success Manager', 30], ['Support Engineer', 25], ['Support Specialist', 25], ['Implementation Consultant', 12], ['Technical Account Manager', 8]],
    trend: 1.55, docRate: 0.02, taskRate: 0.63,
  },
  {
    name: 'Product', slug: 'product', share: 0.07, executiveTitle: 'Chief Product Officer',
    directorTitles: ['Director of Product Management', 'Director of Design'],
    managerTitles: ['Group Product Manager', 'Design Manager'],
    titles: [['Product Manager', 30], ['Senior Product Manager', 15], ['Product Designer', 20], ['UX Researcher', 10], ['Product Analyst', 10], ['Technical Writer', 5]],
    trend: 1.25, docRate: 0.045, taskRate: 0.91,
  },
  {
    name: 'Marketing', slug: 'marketing', share: 0.07, executiveTitle: 'Chief Marketing Officer',
    directorTitles: ['Director of Brand', 'Director of Demand Generation', 'Director of Communications'],
    managerTitles: ['Marketing Manager', 'Content Manager', 'Events Manager'],
    titles: [['Marketing Specialist', 25], ['Content Writer', 15], ['Digital Marketing Specialist', 15], ['Product Marketing Manager', 12], ['Graphic Designer', 10], ['Communications Specialist', 10]],
    trend: 1.2, docRate: 0.035, taskRate: 0.49,
  },
  {
    name: 'Finance', slug: 'finance', share: 0.06, executiveTitle: 'Chief Financial Officer',
    directorTitles: ['Financial Controller', 'Director of FP&A'],
    managerTitles: ['Finance Manager', 'Accounting Manager'],
    titles: [['Financial Analyst', 30], ['Accountant', 25], ['Senior Accountant', 15], ['Payroll Specialist', 10], ['Accounts Payable Specialist', 10], ['Treasury Analyst', 5]],
    trend: 1.0, docRate: 0.04, taskRate: 0.42,
  },
  {
    name: 'IT', slug: 'it', share: 0.06, executiveTitle: 'Chief Information Officer',
    directorTitles: ['Director of IT Infrastructure', 'Director of Information Security'],
    managerTitles: ['IT Manager', 'Service Desk Manager'],
    titles: [['Systems Administrator', 20], ['IT Support Specialist', 30], ['Network Engineer', 12], ['Security Analyst', 12], ['Cloud Engineer', 10], ['Business Systems Analyst', 8]],
    trend: 1.05, docRate: 0.025, taskRate: 0.84,
  },
  {
    name: 'HR', slug: 'hr', share: 0.05, executiveTitle: 'Chief People Officer',
    directorTitles: ['Director of Talent Acquisition', 'Director of People Operations'],
    managerTitles: ['HR Business Partner', 'Recruiting Manager'],
    titles: [['Recruiter', 30], ['HR Generalist', 25], ['People Operations Specialist', 15], ['Learning and Development Specialist', 12], ['Compensation Analyst', 8]],
    trend: 1.1, docRate: 0.035, taskRate: 0.42,
  },
  {
    name: 'Legal', slug: 'legal', share: 0.03, executiveTitle: 'General Counsel',
    directorTitles: ['Deputy General Counsel'],
    managerTitles: ['Legal Operations Manager', 'Senior Counsel'],
    titles: [['Corporate Counsel', 30], ['Paralegal', 30], ['Compliance Analyst', 25], ['Contracts Manager', 15]],
    trend: 0.85, docRate: 0.03, taskRate: 0.28,
  },
];

interface LocationSpec {
  name: string;
  /** Offset from UTC in hours (no daylight saving: the demo only needs a plausible rhythm). */
  utcOffset: number;
  weight: number;
}

export const LOCATIONS: readonly LocationSpec[] = [
  { name: 'New York', utcOffset: -5, weight: 26 },
  { name: 'London', utcOffset: 0, weight: 22 },
  { name: 'Austin', utcOffset: -6, weight: 14 },
  { name: 'Berlin', utcOffset: 1, weight: 12 },
  { name: 'Toronto', utcOffset: -5, weight: 8 },
  { name: 'Dublin', utcOffset: 0, weight: 7 },
  { name: 'Singapore', utcOffset: 8, weight: 6 },
  { name: 'Bangalore', utcOffset: 5.5, weight: 5 },
];

export const HEADQUARTERS = 'New York';

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adam', 'Adebayo', 'Aditi', 'Aiden', 'Aisha', 'Alejandro', 'Alex', 'Alice', 'Amara',
  'Amelia', 'Amir', 'Ana', 'Andrea', 'Andrew', 'Anika', 'Anna', 'Arjun', 'Ava', 'Ben', 'Bianca', 'Caleb', 'Camila',
  'Carlos', 'Caroline', 'Charlotte', 'Chen', 'Chloe', 'Chris', 'Claire', 'Daniel', 'David', 'Diego', 'Divya', 'Elena',
  'Eli', 'Elif', 'Emily', 'Emma', 'Ethan', 'Eva', 'Fatima', 'Felix', 'Fiona', 'Gabriel', 'Grace', 'Hana', 'Hannah',
  'Harper', 'Hiro', 'Ibrahim', 'Ines', 'Isaac', 'Isabella', 'Ivan', 'Jack', 'James', 'Jasmine', 'Javier', 'Jin',
  'Joanna', 'John', 'Jonas', 'Jordan', 'Julia', 'Kai', 'Karim', 'Kate', 'Kenji', 'Laila', 'Lars', 'Laura', 'Leah',
  'Leo', 'Liam', 'Lina', 'Lucas', 'Lucy', 'Maya', 'Mateo', 'Matthew', 'Mei', 'Mia', 'Michael', 'Mohammed', 'Nadia',
  'Naomi', 'Nathan', 'Nia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar', 'Priya', 'Rachel', 'Rafael', 'Ravi', 'Rosa',
  'Ryan', 'Sara', 'Sebastian', 'Sofia', 'Sophie', 'Tariq', 'Thomas', 'Tomas', 'Valentina', 'Victor', 'Wei', 'William',
  'Yara', 'Yusuf', 'Zara', 'Zoe',
];

export const LAST_NAMES: readonly string[] = [
  'Adams', 'Ahmed', 'Alvarez', 'Andersen', 'Bailey', 'Baker', 'Banerjee', 'Becker', 'Bennett', 'Brooks', 'Brown',
  'Campbell', 'Carter', 'Castro', 'Chen', 'Clarke', 'Collins', 'Cooper', 'Costa', 'Cruz', 'Das', 'Davies', 'Diaz',
  'Dubois', 'Edwards', 'Evans', 'Fischer', 'Fernandez', 'Fitzgerald', 'Foster', 'Garcia', 'Gomez', 'Gonzalez', 'Green',
  'Gupta', 'Hall', 'Hansen', 'Harris', 'Hayes', 'Hernandez', 'Hoffmann', 'Hughes', 'Ibrahim', 'Ito', 'Jackson',
  'Jensen', 'Johnson', 'Jones', 'Kaur', 'Kelly', 'Khan', 'Kim', 'King', 'Klein', 'Kowalski', 'Kumar', 'Lambert',
  'Larsen', 'Lee', 'Lewis', 'Li', 'Lopez', 'Martin', 'Martinez', 'Meyer', 'Miller', 'Mitchell', 'Moore', 'Morales',
  'Morgan', 'Murphy', 'Nakamura', 'Nguyen', 'Nielsen', 'Novak', "O'Brien", 'Okafor', 'Olsen', 'Ortiz', 'Owens',
  'Park', 'Patel', 'Perez', 'Petrov', 'Phillips', 'Quinn', 'Ramirez', 'Reddy', 'Reyes', 'Richter', 'Roberts',
  'Robinson', 'Rossi', 'Russo', 'Sanchez', 'Santos', 'Sato', 'Schmidt', 'Schneider', 'Scott', 'Shah', 'Silva',
  'Singh', 'Smith', 'Sullivan', 'Suzuki', 'Tan', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Turner', 'Walker',
  'Wang', 'Ward', 'Watson', 'Weber', 'White', 'Williams', 'Wilson', 'Wong', 'Wright', 'Yamamoto', 'Young', 'Zhang',
];
