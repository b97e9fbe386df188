// What a Lambda bundle gets for '@aws-sdk/credential-provider-node': credentials from the environment only.
//
// Every AWS client's default credential chain looks in the environment, then in ~/.aws files, SSO, web identity,
// processes and the instance metadata service; those bring their own STS and SSO clients (~110 KB of every bundle).
// Lambda always hands a function its role's credentials in the environment (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so in a bundle the chain is that one link. The command line and the
// tests are not bundled and keep the whole chain.
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
