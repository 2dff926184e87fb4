// Entry point: global styles, then the app shell.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
// eslint-disable-next-line no-restricted-syntax -- a build error for developers, never shown in the window
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
