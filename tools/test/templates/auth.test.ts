// The packaged prod template of jotter-auth: the SPA's app client and Cognito's email sender.
import { template } from './templates';

const auth = template('auth');
const client = Object.values(auth.Resources).find((r) => r.Type === 'AWS::Cognito::UserPoolClient')!;
const pool = Object.values(auth.Resources).find((r) => r.Type === 'AWS::Cognito::UserPool')!;

test('the prod app client allows SRP and refresh only (no USER_PASSWORD_AUTH), revokes tokens, has no secret', () => {
  expect(client.Properties?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  expect(client.Properties?.EnableTokenRevocation).toBe(true);
  expect(client.Properties?.GenerateSecret).toBe(false);
});

test("Cognito's own sender unless an SES identity is given (optional params, checked by CloudFormation)", () => {
  expect(auth.Parameters?.SesIdentityArn).toMatchObject({ Type: 'String', Default: '' });
  expect(auth.Parameters?.SesFromAddress).toMatchObject({ Type: 'String', Default: '' });
  expect(auth.Conditions?.SendsWithSes).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'SesIdentityArn' }, ''] }] });
  expect(pool.Properties?.EmailConfiguration).toEqual({
    'Fn::If': [
      'SendsWithSes',
      {
        EmailSendingAccount: 'DEVELOPER',
        SourceArn: { Ref: 'SesIdentityArn' },
        From: { 'Fn::If': ['HasSesFromAddress', { Ref: 'SesFromAddress' }, { Ref: 'AWS::NoValue' }] },
      },
      { EmailSendingAccount: 'COGNITO_DEFAULT' },
    ],
  });
});
