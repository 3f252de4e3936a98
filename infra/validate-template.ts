/**
 * Checks the CloudFormation template that `npm run package` generates, offline, with two
 * validators, and exits non-zero when either finds a problem:
 *
 * 1. `cfn-lint` (npm): property names and types against its resource specification, `Ref`s and
 *    `GetAtt`s that point nowhere, bad intrinsic functions. Its specification dates from about
 *    2019, so properties and resource types AWS added since are reported as invalid: the ones
 *    this template uses are listed in NEWER_THAN_CFN_LINT and tolerated, nothing else is.
 * 2. `cfn-guard` with the AWS Control Tower proactive controls shipped by
 *    `@cdklabs/cdk-validator-cfnguard` (public access, TLS-only bucket policies, encryption,
 *    versioning and lifecycle, Lambda in a VPC, log retention and encryption, IAM wildcards…).
 *    Resources that osls generates and configuration cannot fix are left out
 *    (OSLS_RESOURCES_OUT_OF_REACH); deliberate exceptions on our own resources are WAIVERS,
 *    each with its reason. Any other violation fails.
 *
 * Usage: tsx infra/validate-template.ts [template.json]
 *        (default .serverless/cloudformation-template-update-stack.json)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { validateJsonObject } from 'cfn-lint';

/** `Type.Property` (or a bare resource type) that AWS added after cfn-lint's specification. */
const NEWER_THAN_CFN_LINT = new Set([
  'AWS::Lambda::Function.Architectures', // 2021 (arm64)
  'AWS::Lambda::EventInvokeConfig', // 2019-11 (async retries and failure destinations)
  'AWS::S3::Bucket.ObjectLockEnabled',
  'AWS::S3::Bucket.OwnershipControls', // 2020
  'AWS::S3::Bucket.Rule.NoncurrentVersionExpiration', // 2021
  'AWS::S3::Bucket.Rule.ExpiredObjectDeleteMarker', // 2021
  'AWS::SQS::Queue.SqsManagedSseEnabled', // 2021
  'AWS::SQS::Queue.RedriveAllowPolicy', // 2021
  'AWS::Scheduler::Schedule', // 2022 (cron in a time zone)
]);

/**
 * Resources osls generates whatever the configuration says; the Control Tower rules that fire
 * on them cannot be fixed from serverless.yml.
 */
const OSLS_RESOURCES_OUT_OF_REACH: Record<string, string> = {
  ServerlessDeploymentBucket:
    'osls deployment bucket: only encryption, versioning and public-access blocking are configurable (all set); no access logging, lifecycle, Object Lock or notifications',
  ServerlessDeploymentBucketPolicy:
    'osls writes its TLS-only statement with Fn::Join + Ref, a shape CT.S3.PR.8 does not recognise; the policy does deny non-TLS requests',
  CustomDashresourceDashexistingDashs3LambdaFunction:
    'osls custom-resource function that attaches the S3 notification (s3 event with existing: true); osls puts it in no VPC whatever provider.vpc says; it runs only during deployments',
};

/** Control Tower rules deliberately not met by one of our resources, and why. */
const WAIVERS: { rule: string; resource: string; why: string }[] = [
  ...['IngestLambdaFunction', 'IngestDocumentsLambdaFunction', 'CompileLambdaFunction'].map(
    (resource) => ({
      rule: 'CT.LAMBDA.PR.3',
      resource,
      why: 'no VPC: the functions reach S3, SES and SNS on public endpoints with TLS and least-privilege IAM; in a VPC, SES and SNS would need interface endpoints (~$8 a month each) or a NAT gateway, and the stack must cost nothing at idle but storage',
    }),
  ),
  {
    rule: 'CT.S3.PR.10',
    resource: 'BriefBucket',
    why: 'SSE-S3 (AES256) is the chosen default encryption: no KMS request costs, and uploaders need no KMS permissions',
  },
  {
    rule: 'CT.S3.PR.4',
    resource: 'BriefBucket',
    why: 'the incoming/ -> ingest notification is set by the Custom::S3 resource osls generates for `existing: true`, which a static check cannot see',
  },
  {
    rule: 'CT.S3.PR.10',
    resource: 'AccessLogBucket',
    why: 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3',
  },
  {
    rule: 'CT.S3.PR.2',
    resource: 'AccessLogBucket',
    why: 'the access-log bucket would have to log to itself (a loop) or to yet another bucket',
  },
  {
    rule: 'CT.S3.PR.4',
    resource: 'AccessLogBucket',
    why: 'nothing reacts to access-log objects',
  },
  ...['IngestLogGroup', 'IngestDocumentsLogGroup', 'CompileLogGroup'].map((resource) => ({
    rule: 'CT.CLOUDWATCH.PR.3',
    resource,
    why: 'log groups use CloudWatch Logs default encryption: a customer-managed KMS key would cost $1 a month per stage, and the stack is meant to cost nothing at idle but storage',
  })),
];

interface Template {
  Resources: Record<string, { Type: string }>;
}

interface GuardViolation {
  description: string;
  fix: string;
  violatingResources: { resourceLogicalId: string }[];
}

function runCfnLint(template: Template): string[] {
  // cfn-lint resolves intrinsic functions in place: give it a copy.
  const result = validateJsonObject(structuredClone(template));
  const problems: string[] = [];
  for (const error of result.errors.crit) {
    const property = /^(\S+) is not a valid property of (\S+)$/.exec(error.message);
    const type = /^Resource \S+ has an invalid Type of (\S+)\.$/.exec(error.message);
    const key = property ? `${property[2]}.${property[1]}` : type ? type[1] : undefined;
    if (key && NEWER_THAN_CFN_LINT.has(key)) continue;
    problems.push(`${error.resource}: ${error.message}`);
  }
  for (const warning of result.errors.warn) {
    console.log(`  cfn-lint warning: ${warning.resource}: ${warning.message}`);
  }
  return problems;
}

function runCfnGuard(template: Template): { problems: string[]; waived: string[] } {
  const resources = { ...template.Resources };
  for (const id of Object.keys(OSLS_RESOURCES_OUT_OF_REACH)) {
    if (!(id in resources)) console.log(`  note: ${id} is no longer generated; drop its exclusion`);
    delete resources[id];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cfn-guard-'));
  try {
    const file = path.join(dir, 'template.json');
    writeFileSync(file, JSON.stringify({ ...template, Resources: resources }));
    const report = new CfnGuardValidator().validate({ templatePaths: [file] }) as {
      violations: GuardViolation[];
    };
    const problems: string[] = [];
    const waived: string[] = [];
    const usedWaivers = new Set<string>();
    for (const violation of report.violations) {
      const rule = /\[(CT\.[A-Z0-9.]+)\]/.exec(violation.description)?.[1] ?? violation.description;
      for (const { resourceLogicalId: resource } of violation.violatingResources) {
        const waiver = WAIVERS.find((w) => w.rule === rule && w.resource === resource);
        if (waiver) {
          usedWaivers.add(`${rule} ${resource}`);
          waived.push(`${rule} ${resource}: ${waiver.why}`);
        } else {
          problems.push(
            `${resource}: ${violation.description.trim()}\n      fix: ${violation.fix}`,
          );
        }
      }
    }
    for (const w of WAIVERS) {
      if (!usedWaivers.has(`${w.rule} ${w.resource}`)) {
        console.log(`  note: waiver ${w.rule} ${w.resource} is no longer needed; drop it`);
      }
    }
    return { problems, waived };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): number {
  const file = process.argv[2] ?? '.serverless/cloudformation-template-update-stack.json';
  let template: Template;
  try {
    template = JSON.parse(readFileSync(file, 'utf8')) as Template;
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}; run \`npm run package\` first`);
    return 2;
  }
  const count = Object.keys(template.Resources).length;
  console.log(`Validating ${file} (${count} resources)`);

  const lintProblems = runCfnLint(template);
  console.log(
    lintProblems.length === 0
      ? `✔ cfn-lint: no problems (tolerating ${NEWER_THAN_CFN_LINT.size} newer-than-spec properties/types)`
      : `✘ cfn-lint: ${lintProblems.length} problem(s)`,
  );
  for (const p of lintProblems) console.log(`    ${p}`);

  const guard = runCfnGuard(template);
  const excluded = Object.keys(OSLS_RESOURCES_OUT_OF_REACH).length;
  console.log(
    guard.problems.length === 0
      ? `✔ cfn-guard (Control Tower rules): no violations (${excluded} osls resources excluded, ${guard.waived.length} waived)`
      : `✘ cfn-guard (Control Tower rules): ${guard.problems.length} violation(s)`,
  );
  for (const p of guard.problems) console.log(`    ${p}`);
  for (const w of guard.waived) console.log(`    waived ${w}`);

  return lintProblems.length + guard.problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
