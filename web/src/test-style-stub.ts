// Jest maps every *.css import here. For CSS modules, `styles.foo` yields "foo" so class names
// stay readable in test output; plain `import './x.css'` just gets this harmless object.
const styles: Record<string, string> = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? key : '') });
export default styles;
